using Interlock.Registry;

namespace Interlock.EarlyWarning;

/// <summary>
/// Maps the country codes of the event datasets to ISO 3166 alpha-3, from the shipped reference data
/// (data/reference/countries.csv): UCDP's Gleditsch–Ward <c>country_id</c> (Serbia 345, Yemen 678 as GED codes them),
/// ACLED's numeric ISO 3166 <c>iso</c> (= the M49 code), and the exact English name as a last resort.
/// </summary>
public sealed class CountryCodes
{
    private readonly Dictionary<int, string> _byGw = [];
    private readonly Dictionary<int, string> _byNumeric = [];
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _iso3 = new(StringComparer.Ordinal);

    public CountryCodes(IEnumerable<Country> countries)
    {
        foreach (var c in countries)
        {
            _iso3.Add(c.Iso3);
            if (c.GwCode is { } gw) _byGw[gw] = c.Iso3;
            if (int.TryParse(c.M49, out var m49)) _byNumeric[m49] = c.Iso3;
            _byName[c.NameEn] = c.Iso3;
        }
    }

    private static readonly Lazy<CountryCodes> Shipped = new(() => new CountryCodes(ReferenceData.ReadCountries().Select(r => r.Country)));

    /// <summary>The codes of the reference data shipped in the assembly (the same rows the database is seeded with).</summary>
    public static CountryCodes Default => Shipped.Value;

    public bool IsKnown(string iso3) => _iso3.Contains(iso3);

    public string? FromGleditschWard(int gw) => _byGw.GetValueOrDefault(gw);

    public string? FromIsoNumeric(int numeric) => _byNumeric.GetValueOrDefault(numeric);

    public string? FromName(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>
    /// VIEWS codes Serbia after 2006 as 340 (the strict Gleditsch–Ward list), where UCDP GED and countries.csv use 345.
    /// </summary>
    public string? FromViewsGleditschWard(int gw) => gw == 340 ? "SRB" : FromGleditschWard(gw);
}
