using Interlock.Security;

namespace Interlock.Registry;

/// <summary>
/// Contact details are personal data: only those whose work is contacting partners export them. The access policy
/// still decides which people each of them can see; this only decides who may take contacts out of the system.
/// </summary>
public static class ContactExport
{
    public const Role ExportRoles = Role.FocalPoint | Role.Analyst | Role.OrgAdmin | Role.Administrator;

    public static bool MayExport(Subject subject) => subject.IsAuthenticated && subject.Has(ExportRoles);

    /// <summary>The card of a person, with their current roles in words as the note.</summary>
    public static VCardContact ToVCard(Person person, string? organizationName, DateOnly today) => new(
        person.Id, person.FullName, organizationName, person.JobTitle, person.Email, person.Phone, person.Address,
        person.Languages, Describe(person.Roles.Where(r => r.IsCurrent(today))));

    public static string? Describe(IEnumerable<PersonRole> roles)
    {
        var parts = roles.OrderBy(r => r.Kind).ThenBy(r => r.Start).Select(Describe).ToList();
        return parts.Count == 0 ? null : string.Join(". ", parts) + ".";
    }

    public static string Describe(PersonRole r)
    {
        var what = r.Kind switch
        {
            PersonRoleKind.LiaisonOfficial => "High-level liaison official",
            PersonRoleKind.FocalPoint => $"Focal point for {PurposeText(r.Purpose)}",
            PersonRoleKind.StaffOfficer => "Staff officer" + StaffScope(r),
            _ => r.Kind.ToString(),
        };
        var term = $" since {r.Start:yyyy-MM-dd}";
        if (r.End is { } end) term += $" until {end:yyyy-MM-dd}";
        return what + term;
    }

    public static string PurposeText(FocalPointPurpose? purpose) => purpose switch
    {
        FocalPointPurpose.EarlyWarning => "early warning",
        FocalPointPurpose.PeaceSettlements => "peace settlements",
        FocalPointPurpose.Mainstreaming => "mainstreaming of gender, children and minorities",
        FocalPointPurpose.DivisionOfLabour => "division of labour",
        FocalPointPurpose.CoordinationOfOperations => "coordination of operations",
        FocalPointPurpose.Dissemination => "dissemination",
        FocalPointPurpose.ResourceMobilization => "resource mobilization",
        _ => "an unspecified purpose",
    };

    private static string StaffScope(PersonRole r)
    {
        var where = r.CountryIso3 ?? (r.RegionCode is { } region ? $"M49 region {region}" : null);
        var parts = new[] { where, r.AreaCode }.OfType<string>().ToList();
        return parts.Count == 0 ? "" : " for " + string.Join(", ", parts);
    }
}
