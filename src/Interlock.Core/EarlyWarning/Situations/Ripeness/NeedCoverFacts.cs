using System.Globalization;
using Interlock.DivisionOfLabour;

namespace Interlock.EarlyWarning.Situations.Ripeness;

/// <summary>A need of the situation still open today, and the organizations whose planned or active engagements cover it today.</summary>
public sealed record NeedCoverFact(string Need, IReadOnlyList<string> CoveredBy);

/// <summary>The situation's needs as the ripeness rule sees them: the open ones with their cover, and how many already ended.</summary>
public sealed record NeedsFacts(IReadOnlyList<NeedCoverFact> Open, int Ended)
{
    /// <summary>
    /// Cover is asked of <see cref="Coverage.Covers"/> (same place, same branch, overlapping periods, planned or active), as
    /// everywhere in the division of labour; "today" adds that the engagement has not ended. A need that ended before today
    /// needs nothing more and is only counted.
    /// </summary>
    public static NeedsFacts Build(IEnumerable<Need> needs, IEnumerable<Engagement> engagements, Coverage coverage,
        IReadOnlyDictionary<Guid, string> orgCodes, Func<string, string> countryName, DateOnly today)
    {
        var all = needs.ToList();
        var live = engagements.Where(e => e.EndOn is null || e.EndOn >= today).ToList();
        var open = all.Where(n => n.EndOn is null || n.EndOn >= today)
            .OrderBy(n => n.StartOn).ThenBy(n => n.AreaCode, StringComparer.Ordinal).ThenBy(n => n.Id)
            .Select(n => new NeedCoverFact(Label(n, countryName),
                live.Where(e => coverage.Covers(n, e)).Select(e => orgCodes.GetValueOrDefault(e.OrganizationId, "?"))
                    .Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new NeedsFacts(open, all.Count - open.Count);
    }

    public static string Label(Need n, Func<string, string> countryName)
    {
        var place = n.Admin1 is { } a ? $"{a}, {countryName(n.CountryIso3)}" : countryName(n.CountryIso3);
        return $"{n.AreaCode} in {place} from {n.StartOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({n.Priority} priority)";
    }
}
