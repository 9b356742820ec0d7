using Interlock.Registry;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// What one reader may see of the division of labour in a scope (a situation, a country, or everything filtered):
/// the needs, the engagements, the transition plans and the cooperation record, with the organizations they name.
/// The rules work on it as given: a record the reader may not read is simply not in it.
/// </summary>
public sealed record DivisionPicture(
    IReadOnlyList<Need> Needs,
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyDictionary<Guid, Organization> Organizations,
    IReadOnlyList<TransitionPlan> Transitions,
    IReadOnlyList<CooperationRecord> CooperationRecords)
{
    public static DivisionPicture Of(IEnumerable<Need> needs, IEnumerable<Engagement> engagements, IEnumerable<Organization> organizations,
        IEnumerable<TransitionPlan>? transitions = null, IEnumerable<CooperationRecord>? cooperation = null) =>
        new(needs.ToList(), engagements.ToList(), organizations.ToDictionary(o => o.Id), (transitions ?? []).ToList(), (cooperation ?? []).ToList());

    /// <summary>The organization's code, or "?" for one the picture does not hold (never expected: the registry is public).</summary>
    public string CodeOf(Guid organizationId) => Organizations.TryGetValue(organizationId, out var o) ? o.Code : "?";

    public bool IsRegionalArrangement(Guid organizationId) => Organizations.TryGetValue(organizationId, out var o) && o.ChapterViii;
}
