using Interlock.Registry;

namespace Interlock.Capabilities;

/// <summary>
/// "Which organizations can provide <i>area</i> in <i>country or region</i> within <i>N days</i>": the query the
/// pages and the API both answer, ranked by readiness, each match with the reasons it matched.
/// </summary>
public static class CapabilityFinder
{
    /// <summary>
    /// Where help is needed: one country (with the M49 regions it lies in), or an M49 region (with the regions
    /// that contain it and the countries inside it).
    /// </summary>
    public sealed record Place(IReadOnlySet<string> Countries, IReadOnlySet<string> RegionCodes, string Label)
    {
        public static Place ForCountry(Country c) => new(new HashSet<string> { c.Iso3 },
            new[] { c.RegionCode, c.SubregionCode, c.IntermediateCode }.OfType<string>().ToHashSet(), c.NameEn);

        public static Place ForRegion(string code, string label, IEnumerable<Country> allCountries)
        {
            var inside = allCountries.Where(c => c.RegionCode == code || c.SubregionCode == code || c.IntermediateCode == code).ToList();
            // The regions that contain this one cover it too: Africa (002) covers Western Africa (011).
            var enclosing = inside.SelectMany(c => new[] { c.RegionCode, c.SubregionCode, c.IntermediateCode }).OfType<string>()
                .Where(r => inside.All(c => c.RegionCode == r || c.SubregionCode == r || c.IntermediateCode == r));
            return new(inside.Select(c => c.Iso3).ToHashSet(), enclosing.Append(code).ToHashSet(), label);
        }
    }

    public sealed record Match(Capability Capability, int Rank, IReadOnlyList<string> Reasons, bool Stale);

    /// <param name="areaCodes">The area asked for and its sub-areas.</param>
    public static IReadOnlyList<Match> Find(IEnumerable<Capability> capabilities, IReadOnlySet<string> areaCodes, Place place,
        int? withinDays, DateOnly today, Func<string, string>? regionName = null)
    {
        regionName ??= code => code;
        var matches = new List<(Capability Cap, List<string> Reasons)>();
        foreach (var c in capabilities)
        {
            if (!areaCodes.Contains(c.AreaCode)) continue;
            if (withinDays is { } n && c.ReadinessDays > n) continue;
            var coverage = Covers(c, place, regionName);
            if (coverage is null) continue;
            var reasons = new List<string>
            {
                $"provides {c.AreaCode}",
                coverage,
                withinDays is { } d ? $"deployable in {c.ReadinessDays} days (within {d})" : $"deployable in {c.ReadinessDays} days",
            };
            if (c.MandateBasis is { Length: > 0 } m) reasons.Add($"mandate: {m}");
            reasons.Add(c.IsStale(today) ? $"last verified {c.LastVerified:yyyy-MM-dd}: stale, over 12 months" : $"verified {c.LastVerified:yyyy-MM-dd}");
            if (c.Illustrative) reasons.Add("illustrative entry, not confirmed by the organization");
            matches.Add((c, reasons));
        }
        // Readiness first; among equals, a verified entry before a stale one, then the more specific coverage, then a stable key.
        return matches
            .OrderBy(m => m.Cap.ReadinessDays)
            .ThenBy(m => m.Cap.IsStale(today))
            .ThenBy(m => m.Cap.Global)
            .ThenBy(m => m.Cap.Id)
            .Select((m, i) => new Match(m.Cap, i + 1, m.Reasons, m.Cap.IsStale(today)))
            .ToList();
    }

    /// <summary>How the capability's scope covers the place, in words, or null when it does not.</summary>
    public static string? Covers(Capability c, Place place, Func<string, string> regionName)
    {
        if (c.Global) return $"global scope covers {place.Label}";
        var region = c.ScopeRegions.FirstOrDefault(place.RegionCodes.Contains);
        if (region is not null) return $"scope covers {place.Label} through {regionName(region)} ({region})";
        var named = c.ScopeCountries.Where(place.Countries.Contains).Order().ToList();
        if (named.Count == 0) return null;
        return place.Countries.Count == 1 ? $"scope names {place.Label}" : $"scope names {string.Join(", ", named)} in {place.Label}";
    }
}
