namespace Interlock.Registry;

/// <summary>The names of the UN M49 regions, sub-regions and intermediate regions, as the countries table gives them.</summary>
public static class M49Regions
{
    /// <summary>Each region code with its English (or French) name.</summary>
    public static Dictionary<string, string> Names(IEnumerable<Country> countries, bool french = false)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            if (c.RegionCode is { } r) names.TryAdd(r, (french ? c.RegionFr : c.RegionEn) ?? r);
            if (c.SubregionCode is { } s) names.TryAdd(s, (french ? c.SubregionFr : c.SubregionEn) ?? s);
            if (c.IntermediateCode is { } i) names.TryAdd(i, (french ? c.IntermediateFr : c.IntermediateEn) ?? i);
        }
        return names;
    }
}
