using Interlock.DivisionOfLabour;
using Interlock.Registry;

namespace Interlock.Tests.Unit.DivisionOfLabour;

/// <summary>Needs and engagements of real organizations of data/reference/organizations.csv, and the real area taxonomy.</summary>
internal static class DivisionBuilder
{
    public static readonly IReadOnlyDictionary<string, Organization> Orgs =
        ReferenceData.ReadOrganizations().Select(r => r.Organization).ToDictionary(o => o.Code);

    public static readonly Coverage Cover = new(ReferenceData.ReadAreas());

    public static Guid OrgId(string code) => Orgs[code].Id;

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static Need Need(string area, string start, string? end = null, string country = "LBR", string? admin1 = null) => new()
    {
        AreaCode = area, CountryIso3 = country, Admin1 = admin1, StartOn = D(start), EndOn = end is null ? null : D(end),
        Priority = NeedPriority.High,
    };

    public static Engagement Eng(string org, string area, string start, string? end = null, CooperationForm form = CooperationForm.CoDeployment,
        EngagementRole role = EngagementRole.Lead, EngagementStatus status = EngagementStatus.Active, string country = "LBR", string? admin1 = null,
        MandateKind mandate = MandateKind.None, string? reference = null) => new()
    {
        OrganizationId = OrgId(org), OwnerOrganizationId = OrgId(org), AreaCode = area, CountryIso3 = country, Admin1 = admin1,
        StartOn = D(start), EndOn = end is null ? null : D(end), Form = form, Role = role, Status = status,
        MandateKind = mandate, MandateReference = reference,
    };

    public static DivisionPicture Picture(IEnumerable<Need> needs, IEnumerable<Engagement> engagements,
        IEnumerable<TransitionPlan>? transitions = null, IEnumerable<CooperationRecord>? cooperation = null) =>
        DivisionPicture.Of(needs, engagements, Orgs.Values, transitions, cooperation);
}
