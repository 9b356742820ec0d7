using Interlock.Capabilities;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (d) Geographic scope of the organization's capabilities on the need's branch. Whether a scope covers the country is
/// <see cref="CapabilityFinder.Covers"/>'s answer (the capability search asks the same; a capability that does not cover
/// the country serves no part of the score); the value then rewards focus:
/// a scope naming the country 1, an M49 sub-region or intermediate region 0.75, a region 0.5, global 0.25. A narrower
/// scope means standing knowledge of the place, the comparative advantage regional organizations bring.
/// </summary>
public static class ScopePart
{
    public const double Named = 1.0, Subregion = 0.75, Region = 0.5, Global = 0.25;

    public static double Specificity(NeedContext n, Capability c)
    {
        if (CapabilityFinder.Covers(c, n.Place, n.RegionName) is null) return 0;
        if (c.Global) return Global;
        if (c.ScopeCountries.Contains(n.Country.Iso3, StringComparer.OrdinalIgnoreCase)) return Named;
        return c.ScopeRegions.Any(r => r == n.Country.SubregionCode || r == n.Country.IntermediateCode) ? Subregion : Region;
    }

    public static PartValue Evaluate(NeedContext n, CandidateFacts f)
    {
        if (f.Capabilities.Count == 0)
            return new(0, f.OutOfScope.Count == 0
                ? $"No capability on the branch of {n.Area}, so no scope: 0.00"
                : $"No capability on the branch of {n.Area} covers {n.CountryName}: 0.00");
        var best = f.Capabilities.Select(c => (Cap: c, Value: Specificity(n, c)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Cap.AreaCode, StringComparer.Ordinal).ThenBy(x => x.Cap.Id).First();
        var words = CapabilityFinder.Covers(best.Cap, n.Place, n.RegionName)!;
        return new(best.Value, $"Capability in {best.Cap.AreaCode}: {words}: {Format.Value(best.Value)}");
    }
}
