using System.Globalization;

namespace Interlock.DivisionOfLabour.Rules;

/// <summary>How findings name things in their sentences, so that every rule words them alike.</summary>
internal static class Wording
{
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Place(string iso3, string? admin1) => admin1 is null ? iso3 : $"{admin1} ({iso3})";

    public static string Need(Need n) => $"the need for {n.AreaCode} in {Place(n.CountryIso3, n.Admin1)} ({n.Period})";

    public static string Form(CooperationForm f) => f switch
    {
        CooperationForm.DiplomaticSupport => "diplomatic support",
        CooperationForm.OperationalSupport => "operational support",
        CooperationForm.CoDeployment => "co-deployment",
        CooperationForm.JointOperation => "joint operation",
        _ => "consultation",
    };

    public static string Role(EngagementRole r) => r switch { EngagementRole.CoLead => "co-lead", EngagementRole.Support => "support", _ => "lead" };

    public static string Status(EngagementStatus s) => s.ToString().ToLowerInvariant();

    public static string Mandate(MandateKind k) => k switch
    {
        MandateKind.SecurityCouncil => "a Security Council mandate",
        MandateKind.OrganizationDecision => "a decision of the organization itself",
        MandateKind.HostStateRequest => "the request of the host State",
        MandateKind.Other => "another basis",
        _ => "no recorded mandate",
    };

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }

    public static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
