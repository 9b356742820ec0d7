using Interlock.Capabilities;
using Interlock.Registry;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// Everything the ranking looks at for one need, loaded beforehand (<see cref="RankingFactsLoader"/>) so the rule is plain
/// and testable. Capabilities and engagements are only those the reader may read: what the reader may not see cannot move
/// the ranking the reader is shown.
/// </summary>
public sealed record RankingFacts(
    Need Need,
    Country Country,
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Capability> Capabilities,
    /// <summary>Memberships of the need's country, in any organization, at any time.</summary>
    IReadOnlyList<Membership> Memberships,
    /// <summary>Engagements in the need's country, any area, any status.</summary>
    IReadOnlyList<Engagement> Engagements,
    IReadOnlyList<Area> Areas,
    /// <summary>M49 region code to name, for the scope sentence; codes are shown when missing.</summary>
    IReadOnlyDictionary<string, string> RegionNames);

/// <summary>The need as every part sees it: where, what, how soon, and the taxonomy to compare areas.</summary>
public sealed record NeedContext(Need Need, Country Country, int DaysNeeded, Coverage Coverage, CapabilityFinder.Place Place,
    Func<string, string> RegionName)
{
    public string Area => Need.AreaCode;
    public string CountryName => Country.NameEn;
}

/// <summary>One organization's facts, already narrowed to the need: what each part weighs.</summary>
public sealed record CandidateFacts(
    Organization Organization,
    /// <summary>
    /// Its readable capabilities that can serve the need: on the need's branch of the taxonomy (the area, below it, or
    /// above it) with a scope that covers the country. Every capability-based part weighs these.
    /// </summary>
    IReadOnlyList<Capability> Capabilities,
    /// <summary>Its readable capabilities on the branch whose scope does not cover the country: named in the sentences only.</summary>
    IReadOnlyList<Capability> OutOfScope,
    /// <summary>Its membership periods for the need's country.</summary>
    IReadOnlyList<Membership> Memberships,
    /// <summary>Its readable planned or active engagements in the need's country during the need's period, any area.</summary>
    IReadOnlyList<Engagement> Engagements);
