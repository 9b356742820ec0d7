using Interlock.Capabilities;
using Interlock.Registry;

namespace Interlock.Tests.Unit.Capabilities;

public sealed class CapabilityFinderTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Country Mali = new()
    {
        Iso3 = "MLI", Iso2 = "ML", NameEn = "Mali", NameFr = "Mali", RegionCode = "002", SubregionCode = "202", IntermediateCode = "011",
    };
    private static readonly Country Chad = new()
    {
        Iso3 = "TCD", Iso2 = "TD", NameEn = "Chad", NameFr = "Tchad", RegionCode = "002", SubregionCode = "202", IntermediateCode = "017",
    };

    private static Capability Cap(string area, int days, string[]? countries = null, string[]? regions = null, bool global = false, DateOnly? verified = null) => new()
    {
        AreaCode = area, Description = area, ReadinessDays = days, ScopeCountries = [.. countries ?? []], ScopeRegions = [.. regions ?? []],
        Global = global, LastVerified = verified ?? Today,
    };

    [Fact]
    public void Ranks_by_readiness_and_says_why_each_matched()
    {
        var slow = Cap("mediation", 30, regions: ["002"]);
        var fast = Cap("mediation", 3, global: true);
        var named = Cap("mediation", 14, countries: ["MLI"]);
        var result = CapabilityFinder.Find([slow, fast, named], new HashSet<string> { "mediation" }, CapabilityFinder.Place.ForCountry(Mali), null, Today);
        Assert.Equal([fast, named, slow], result.Select(m => m.Capability));
        Assert.Equal([1, 2, 3], result.Select(m => m.Rank));
        Assert.Contains("global scope covers Mali", result[0].Reasons);
        Assert.Contains("scope names Mali", result[1].Reasons);
        Assert.Contains(result[2].Reasons, r => r.Contains("through 002"));
    }

    [Fact]
    public void Filters_by_area_scope_and_days()
    {
        var caps = new[]
        {
            Cap("mediation", 40, regions: ["011"]),          // too slow
            Cap("early-warning", 1, regions: ["011"]),      // other area
            Cap("mediation", 10, regions: ["017"]),          // Middle Africa: not Mali
            Cap("good-offices", 5, countries: ["MLI"]),      // sub-area asked for
        };
        var result = CapabilityFinder.Find(caps, new HashSet<string> { "mediation", "good-offices" }, CapabilityFinder.Place.ForCountry(Mali), 30, Today);
        Assert.Equal("good-offices", Assert.Single(result).Capability.AreaCode);
    }

    [Fact]
    public void A_region_query_reaches_capabilities_of_enclosing_regions_and_of_countries_inside()
    {
        var westAfrica = CapabilityFinder.Place.ForRegion("011", "Western Africa", [Mali, Chad]);
        var continent = Cap("mediation", 10, regions: ["002"]);
        var country = Cap("mediation", 5, countries: ["MLI"]);
        var elsewhere = Cap("mediation", 5, countries: ["TCD"]);
        var result = CapabilityFinder.Find([continent, country, elsewhere], new HashSet<string> { "mediation" }, westAfrica, null, Today);
        Assert.Equal([country, continent], result.Select(m => m.Capability));
    }

    [Fact]
    public void Stale_entries_are_flagged_and_rank_after_fresh_ones_of_equal_readiness()
    {
        var stale = Cap("mediation", 7, global: true, verified: Today.AddYears(-2));
        var fresh = Cap("mediation", 7, global: true);
        var result = CapabilityFinder.Find([stale, fresh], new HashSet<string> { "mediation" }, CapabilityFinder.Place.ForCountry(Mali), null, Today);
        Assert.Equal([fresh, stale], result.Select(m => m.Capability));
        Assert.True(result[1].Stale);
        Assert.Contains(result[1].Reasons, r => r.Contains("stale"));
    }

    [Fact]
    public void The_result_does_not_depend_on_input_order()
    {
        var caps = Enumerable.Range(0, 12).Select(i => Cap("mediation", i % 4, global: true)).ToList();
        var place = CapabilityFinder.Place.ForCountry(Mali);
        var a = CapabilityFinder.Find(caps, new HashSet<string> { "mediation" }, place, null, Today).Select(m => m.Capability.Id);
        var b = CapabilityFinder.Find(Enumerable.Reverse(caps), new HashSet<string> { "mediation" }, place, null, Today).Select(m => m.Capability.Id);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Seeded_capabilities_name_known_organizations_and_areas_and_are_marked_illustrative()
    {
        var orgs = ReferenceData.ReadOrganizations().Select(o => o.Organization.Code).ToHashSet();
        var areas = ReferenceData.ReadAreas().Select(a => a.Code).ToHashSet();
        var rows = ReferenceData.ReadCapabilities();
        Assert.True(rows.Count >= 15);
        Assert.All(rows, r => Assert.Contains(r.OrgCode, orgs));
        Assert.All(rows, r => Assert.Contains(r.Capability.AreaCode, areas));
        Assert.All(rows, r => Assert.True(r.Capability.Illustrative));
        // Every seeded row would pass the same validation as a capability entered through the API.
        Assert.All(rows, r =>
        {
            var c = r.Capability;
            var errors = Capability.Validate(c.AreaCode, areas.Contains(c.AreaCode), c.Description, c.Global, c.ScopeCountries, c.ScopeRegions,
                c.ReadinessDays, c.Personnel, c.LastVerified, new DateOnly(2026, 11, 26));
            Assert.True(errors.IsEmpty, $"capabilities.csv line {r.Line}: {errors}");
        });
    }
}
