using Interlock.Capabilities;
using Interlock.Shared;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// Whether an engagement answers a need: same country, a place that includes the need's (a country-wide engagement
/// covers every first-level area), areas on one branch of the taxonomy (mediation answers a need for preventive
/// diplomacy and the other way round) and periods that overlap. Every rule of the module that asks "who works on this
/// need" asks here, so the matrix, overlaps, gaps, the ranking and ripeness agree.
/// </summary>
public sealed class Coverage(IEnumerable<Area> areas)
{
    private readonly Dictionary<string, string?> _parents = areas.ToDictionary(a => a.Code, a => a.ParentCode, StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsSameOrBelow(string code, string ancestor)
    {
        var seen = 0;
        for (string? current = code; current is not null && seen++ < 32; _parents.TryGetValue(current, out current))
            if (string.Equals(current, ancestor, StringComparison.Ordinal)) return true;
        return false;
    }

    public bool SameBranch(string a, string b) => IsSameOrBelow(a, b) || IsSameOrBelow(b, a);

    public static bool SamePlace(Need need, Engagement engagement) =>
        string.Equals(need.CountryIso3, engagement.CountryIso3, StringComparison.OrdinalIgnoreCase) &&
        (need.Admin1 is null || engagement.Admin1 is null || Admin1Names.Same(need.Admin1, engagement.Admin1));

    /// <summary>The engagement works on the need, whatever its status.</summary>
    public bool Answers(Need need, Engagement engagement) =>
        SamePlace(need, engagement) && SameBranch(need.AreaCode, engagement.AreaCode) && need.Period.Overlaps(engagement.Period);

    /// <summary>The engagement answers the need and is planned or active: it counts as cover.</summary>
    public bool Covers(Need need, Engagement engagement) => Vocabulary.IsLive(engagement.Status) && Answers(need, engagement);
}
