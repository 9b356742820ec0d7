using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Capabilities;

/// <summary>"Which organizations can provide <see cref="Area"/> in a country or an M49 region within N days?"</summary>
/// <param name="Area">An area code of the taxonomy; its sub-areas are included.</param>
/// <param name="Country">ISO 3166 alpha-3 code (or give <paramref name="Region"/>).</param>
/// <param name="Region">M49 region, sub-region or intermediate region code, e.g. 002 or 011.</param>
public sealed record CapabilityQuery(string? Area, string? Country = null, string? Region = null, int? WithinDays = null);

/// <summary>The answer, with what the pages need to show it; <see cref="Errors"/> names the fields when the question was not valid.</summary>
public sealed record CapabilitySearchResult(
    ValidationErrors Errors,
    Area? Area,
    IReadOnlySet<string> AreaCodes,
    CapabilityFinder.Place? Place,
    IReadOnlyList<CapabilityFinder.Match> Matches,
    IReadOnlyDictionary<Guid, Organization> Organizations,
    IReadOnlyDictionary<string, Area> Areas)
{
    public bool IsValid => Errors.IsEmpty;
}

/// <summary>
/// Loads the capabilities the caller may read and runs <see cref="CapabilityFinder"/> over them: the one
/// implementation of the capability query, called by the API and by the pages.
/// </summary>
public static class CapabilitySearch
{
    public static async Task<CapabilitySearchResult> RunAsync(InterlockDbContext db, AccessService access, CapabilityQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        var areaCode = query.Area?.Trim();
        var area = areaCode is null ? null : areas.GetValueOrDefault(areaCode);
        if (area is null) errors.Add("area", $"'{query.Area}' is not an area of the taxonomy (see /api/v1/areas).");
        var country = Blank(query.Country)?.ToUpperInvariant();
        var region = Blank(query.Region);
        if ((country is null) == (region is null))
            errors.Add(country is null ? "country" : "region", "Ask about one country (ISO 3166 alpha-3) or one M49 region, not both.");
        if (query.WithinDays is < 0) errors.Add("withinDays", "A number of days, 0 or more.");

        var countries = await db.Countries.AsNoTracking().ToListAsync(ct);
        CapabilityFinder.Place? place = null;
        if (errors.IsEmpty && country is not null)
        {
            var c = countries.FirstOrDefault(x => x.Iso3 == country);
            if (c is null) errors.Add("country", $"'{query.Country}' is not an ISO 3166 alpha-3 code of a known state.");
            else place = CapabilityFinder.Place.ForCountry(c);
        }
        else if (errors.IsEmpty && region is not null)
        {
            var name = RegionNames(countries).GetValueOrDefault(region);
            if (name is null) errors.Add("region", $"'{region}' is not an M49 region, sub-region or intermediate region code.");
            else place = CapabilityFinder.Place.ForRegion(region, name, countries);
        }
        if (!errors.IsEmpty || place is null)
            return new(errors, area, new HashSet<string>(), null, [], new Dictionary<Guid, Organization>(), areas);

        var codes = AreaTree.WithDescendants(areas.Values, area!.Code);
        var candidates = await (await access.ReadableAsync(db.Capabilities.AsNoTracking(), ct))
            .Where(c => codes.Contains(c.AreaCode)).ToListAsync(ct);
        var regionNames = RegionNames(countries);
        var matches = CapabilityFinder.Find(candidates, codes, place, query.WithinDays, access.Today,
            code => regionNames.GetValueOrDefault(code, code));
        await access.AuditReadsAsync(matches.Select(m => m.Capability), ct);
        var orgIds = matches.Select(m => m.Capability.OwnerOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return new(errors, area, codes, place, matches, orgs, areas);
    }

    /// <summary>
    /// The readable capabilities whose scope covers <paramref name="country"/> (global, naming it, or naming one of its
    /// M49 regions), each with how it covers it.
    /// </summary>
    public static async Task<IReadOnlyList<(Capability Capability, string How)>> CoveringAsync(InterlockDbContext db, AccessService access,
        Country country, CancellationToken ct)
    {
        var candidates = await Covering(await access.ReadableAsync(db.Capabilities.AsNoTracking(), ct), country).ToListAsync(ct);
        var names = RegionNames(await db.Countries.AsNoTracking().ToListAsync(ct));
        var place = CapabilityFinder.Place.ForCountry(country);
        return candidates
            .Select(c => (Capability: c, How: CapabilityFinder.Covers(c, place, code => names.GetValueOrDefault(code, code))))
            .Where(x => x.How is not null)
            .Select(x => (x.Capability, x.How!))
            .ToList();
    }

    /// <summary>The database-side filter for "covers this country"; the finder gives the reason in words.</summary>
    public static IQueryable<Capability> Covering(IQueryable<Capability> query, Country country)
    {
        var iso3 = country.Iso3;
        var regions = new[] { country.RegionCode, country.SubregionCode, country.IntermediateCode }.OfType<string>().ToList();
        return query.Where(c => c.Global || c.ScopeCountries.Contains(iso3) || c.ScopeRegions.Any(r => regions.Contains(r)));
    }

    /// <summary>M49 region, sub-region and intermediate region codes with their English names.</summary>
    public static Dictionary<string, string> RegionNames(IEnumerable<Country> countries) => M49Regions.Names(countries);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
