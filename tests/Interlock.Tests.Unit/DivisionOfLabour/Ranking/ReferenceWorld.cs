using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;
using Interlock.Registry;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>The shipped reference data (data/reference: organizations, memberships, areas, illustrative capabilities) as ranking facts.</summary>
internal static class ReferenceWorld
{
    public static readonly IReadOnlyList<Country> Countries = ReferenceData.ReadCountries().Select(r => r.Country).ToList();
    public static readonly IReadOnlyList<Organization> Organizations = ReferenceData.ReadOrganizations().Select(r => r.Organization).ToList();
    public static readonly IReadOnlyDictionary<string, Guid> Ids = Organizations.ToDictionary(o => o.Code, o => o.Id);
    public static readonly IReadOnlyList<Area> Areas = ReferenceData.ReadAreas();
    public static readonly IReadOnlyList<Membership> Memberships = ReferenceData.ReadMemberships().Select(m => new Membership
    {
        OrganizationId = Ids[m.OrgCode], CountryIso3 = m.Iso3, Joined = m.Joined, JoinedPrecision = m.JoinedPrecision, Left = m.Left,
        LeftPrecision = m.LeftPrecision,
    }).ToList();
    public static readonly IReadOnlyList<Capability> Capabilities = ReferenceData.ReadCapabilities().Select(r =>
    {
        r.Capability.OwnerOrganizationId = Ids[r.OrgCode];
        return r.Capability;
    }).ToList();

    public static Need Need(string area, string iso3, DateOnly start, NeedPriority priority = NeedPriority.High, int? withinDays = null) =>
        new() { AreaCode = area, CountryIso3 = iso3, StartOn = start, Priority = priority, NeededWithinDays = withinDays };

    public static Engagement Engagement(string org, string area, string iso3, DateOnly start, EngagementStatus status = EngagementStatus.Active,
        MandateKind mandate = MandateKind.None, string? reference = null, DateOnly? end = null) => new()
    {
        OrganizationId = Ids[org], OwnerOrganizationId = Ids[org], AreaCode = area, CountryIso3 = iso3, StartOn = start, EndOn = end, Status = status,
        MandateKind = mandate, MandateReference = reference, Form = CooperationForm.OperationalSupport, Role = EngagementRole.Lead,
    };

    public static RankingFacts Facts(Need need, IEnumerable<Engagement>? engagements = null, IEnumerable<Capability>? capabilities = null)
    {
        var country = Countries.Single(c => c.Iso3 == need.CountryIso3);
        return new RankingFacts(need, country, Organizations, [.. capabilities ?? Capabilities],
            Memberships.Where(m => m.CountryIso3 == need.CountryIso3).ToList(), [.. engagements ?? []], Areas, M49Regions.Names([country]));
    }

    public static IReadOnlyList<Candidate> Rank(Need need, IEnumerable<Engagement>? engagements = null, RankingOptions? options = null) =>
        CandidateRanking.Rank(Facts(need, engagements), options ?? new RankingOptions());

    public static Candidate Of(this IReadOnlyList<Candidate> ranking, string code) => ranking.Single(c => c.OrganizationCode == code);

    public static ScorePart Part(this Candidate c, string part) => c.Parts.Single(p => p.Code == part);
}
