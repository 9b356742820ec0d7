using System.Net;
using System.Text.Json.Nodes;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.RegistryTestHelpers;

namespace Interlock.Tests.Integration;

/// <summary>
/// "Which organizations can provide an area in a country or region within N days", over the capabilities the caller
/// may read. Each test makes its own organizations; the seeded illustrative capabilities also answer, so the tests
/// look at the order of their own matches within the ranking.
/// </summary>
public abstract class CapabilitySearchTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : CapabilitySearchTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : CapabilitySearchTests(f), IClassFixture<PostgresFixture>;

    private sealed record Fixture(HttpClient X, HttpClient Y, HttpClient Z, Guid Named, Guid Regional, Guid Stale, Guid Asia,
        Guid OtherCountry, Guid OtherArea);

    /// <summary>
    /// Three organizations' capabilities in the preventive-diplomacy family (mediation and good offices are sub-areas).
    /// Named: mediation naming Mali, 10 days. Regional: good offices in Western Africa (011), 5 days. Stale: preventive
    /// diplomacy in Africa (002), 5 days, verified over a year ago. Asia, OtherCountry, OtherArea: never match Mali.
    /// </summary>
    private async Task<Fixture> CapabilitiesAsync()
    {
        var today = App.Clock.Today;
        var (_, x) = await App.ApiUserAsync(await App.NewOrganizationAsync("X"), Role.Contributor);
        var (_, y) = await App.ApiUserAsync(await App.NewOrganizationAsync("Y"), Role.Contributor);
        var (_, z) = await App.ApiUserAsync(await App.NewOrganizationAsync("Z"), Role.Contributor);
        async Task<Guid> Id(Task<JsonNode> created) => (await created)["id"]!.GetValue<Guid>();
        return new Fixture(x, y, z,
            Named: await Id(x.CreateCapabilityAsync("mediation", 10, today, countries: ["MLI"])),
            Regional: await Id(y.CreateCapabilityAsync("good-offices", 5, today, regions: ["011"])),
            Stale: await Id(z.CreateCapabilityAsync("preventive-diplomacy", 5, today.AddDays(-400), regions: ["002"])),
            Asia: await Id(z.CreateCapabilityAsync("mediation", 1, today, regions: ["142"])),
            OtherCountry: await Id(x.CreateCapabilityAsync("mediation", 1, today, countries: ["FRA"])),
            OtherArea: await Id(y.CreateCapabilityAsync("peacekeeping", 1, today, countries: ["MLI"])));
    }

    private static async Task<List<JsonNode>> SearchAsync(HttpClient client, string query)
    {
        var page = await client.GetJsonAsync($"/api/v1/capabilities/search?{query}&limit=500");
        var items = page["items"]!.AsArray().Select(i => i!).ToList();
        Assert.Equal(page["total"]!.GetValue<int>(), items.Count);
        // Ranks are 1..n in order, and readiness never decreases down the list.
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i["rank"]!.GetValue<int>()));
        Assert.Equal(items.Select(i => i["readinessDays"]!.GetValue<int>()).Order(), items.Select(i => i["readinessDays"]!.GetValue<int>()));
        return items;
    }

    private static List<Guid> Ids(IEnumerable<JsonNode> items) => items.Select(i => i["capabilityId"]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task A_country_search_ranks_by_readiness_includes_sub_areas_and_region_coverage_and_flags_stale_entries()
    {
        var f = await CapabilitiesAsync();
        var items = await SearchAsync(f.X, "area=preventive-diplomacy&country=MLI");
        var ids = Ids(items);

        // Ours, in rank order: the fresh 5-day one before the stale 5-day one, then the 10-day one.
        Assert.Equal([f.Regional, f.Stale, f.Named], ids.Where(new[] { f.Regional, f.Stale, f.Named }.Contains));
        Assert.DoesNotContain(f.Asia, ids);
        Assert.DoesNotContain(f.OtherCountry, ids);
        Assert.DoesNotContain(f.OtherArea, ids);

        var regional = items.Single(i => i["capabilityId"]!.GetValue<Guid>() == f.Regional);
        Assert.Equal("good-offices", regional["areaCode"].Str());
        Assert.False(regional["stale"]!.GetValue<bool>());
        Assert.False(regional["illustrative"]!.GetValue<bool>());
        Assert.StartsWith("Y", regional["organizationCode"].Str());
        Assert.Contains(regional["reasons"]!.AsArray(), r => r.Str().Contains("Western Africa (011)"));
        var stale = items.Single(i => i["capabilityId"]!.GetValue<Guid>() == f.Stale);
        Assert.True(stale["stale"]!.GetValue<bool>());
        Assert.Contains(stale["reasons"]!.AsArray(), r => r.Str().Contains("stale"));
        var named = items.Single(i => i["capabilityId"]!.GetValue<Guid>() == f.Named);
        Assert.Contains(named["reasons"]!.AsArray(), r => r.Str().Contains("scope names Mali"));

        // The seeded, illustrative entries answer too and say so (the UN's global mediation standby team, 3 days).
        var seeded = items.First(i => i["organizationCode"].Str() == "DPPA");
        Assert.True(seeded["illustrative"]!.GetValue<bool>());
        Assert.True(seeded["rank"]!.GetValue<int>() < regional["rank"]!.GetValue<int>());
    }

    [Fact]
    public async Task Within_days_drops_slower_capabilities_and_a_leaf_area_has_no_parents()
    {
        var f = await CapabilitiesAsync();
        var fast = Ids(await SearchAsync(f.X, "area=preventive-diplomacy&country=MLI&withinDays=5"));
        Assert.Contains(f.Regional, fast);
        Assert.Contains(f.Stale, fast);
        Assert.DoesNotContain(f.Named, fast);

        // Mediation alone: the mediation capability, not good offices (a sibling) nor preventive diplomacy (the parent).
        var mediation = Ids(await SearchAsync(f.X, "area=mediation&country=MLI"));
        Assert.Contains(f.Named, mediation);
        Assert.DoesNotContain(f.Regional, mediation);
        Assert.DoesNotContain(f.Stale, mediation);
    }

    [Fact]
    public async Task A_region_search_finds_countries_inside_it_and_regions_around_it()
    {
        var f = await CapabilitiesAsync();
        var westAfrica = await SearchAsync(f.X, "area=preventive-diplomacy&region=011");
        var ids = Ids(westAfrica);
        Assert.Equal([f.Regional, f.Stale, f.Named], ids.Where(new[] { f.Regional, f.Stale, f.Named }.Contains));
        Assert.Contains(westAfrica.Single(i => i["capabilityId"]!.GetValue<Guid>() == f.Named)["reasons"]!.AsArray(),
            r => r.Str().Contains("scope names MLI in Western Africa"));
        var asia = Ids(await SearchAsync(f.X, "area=preventive-diplomacy&region=142"));
        Assert.Contains(f.Asia, asia);
        Assert.DoesNotContain(f.Regional, asia);
    }

    [Fact]
    public async Task The_search_covers_only_the_capabilities_the_caller_may_read()
    {
        var today = App.Clock.Today;
        var owner = await App.NewOrganizationAsync("S");
        var (_, writer) = await App.ApiUserAsync(owner, Role.Contributor);
        var secret = (await writer.CreateCapabilityAsync("mediation", 2, today, countries: ["SEN"], classification: "confidential"))["id"]!.GetValue<Guid>();
        var partners = (await writer.CreateCapabilityAsync("mediation", 2, today, countries: ["SEN"]))["id"]!.GetValue<Guid>();
        var (_, other) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        using var anonymous = App.Client();

        Assert.Contains(secret, Ids(await SearchAsync(writer, "area=mediation&country=SEN")));
        var theirs = Ids(await SearchAsync(other, "area=mediation&country=SEN"));
        Assert.DoesNotContain(secret, theirs);
        Assert.Contains(partners, theirs);
        var public_ = await SearchAsync(anonymous, "area=mediation&country=SEN");
        Assert.DoesNotContain(partners, Ids(public_));
        Assert.All(public_, i => Assert.True(i["illustrative"]!.GetValue<bool>())); // only the public seeded rows
    }

    [Fact]
    public async Task A_bad_question_names_the_field()
    {
        using var anonymous = App.Client();
        async Task<IReadOnlyList<string>> Fields(string q) => (await (await anonymous.GetAsync($"/api/v1/capabilities/search?{q}")).ProblemFieldsAsync()).Order().ToList();
        Assert.Equal(["area"], await Fields("area=astrology&country=MLI"));
        Assert.Equal(["country"], await Fields("area=mediation&country=XXX"));
        Assert.Equal(["region"], await Fields("area=mediation&region=999"));
        Assert.Equal(["country"], await Fields("area=mediation"));
        Assert.Equal(["region"], await Fields("area=mediation&country=MLI&region=011"));
        Assert.Equal(["withinDays"], await Fields("area=mediation&country=MLI&withinDays=-1"));
    }

    [Fact]
    public async Task Another_organization_cannot_change_a_capability()
    {
        var today = App.Clock.Today;
        var owner = await App.NewOrganizationAsync("O");
        var (_, writer) = await App.ApiUserAsync(owner, Role.Contributor);
        var (_, reader) = await App.ApiUserAsync(owner, Role.Reader);
        var (_, otherAdmin) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        var visible = await writer.CreateCapabilityAsync("mediation", 7, today, countries: ["MLI"]);
        var hidden = await writer.CreateCapabilityAsync("mediation", 7, today, countries: ["MLI"], classification: "confidential");
        string Uri(JsonNode c) => $"/api/v1/capabilities/{c["id"]}";
        var change = new { areaCode = "mediation", description = "Taken over", readinessDays = 1, lastVerified = Day(today), global = true };

        var read = await writer.GetAsync(Uri(visible));
        await (await otherAdmin.PutJsonAsync(Uri(visible), change, read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await administrator.PutJsonAsync(Uri(visible), change, read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync(Uri(visible), change, read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await otherAdmin.SendAsync(HttpMethod.Delete, Uri(visible), ifMatch: read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await otherAdmin.PutJsonAsync(Uri(hidden), change, "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.SendAsync(HttpMethod.Delete, Uri(hidden), ifMatch: "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
        using (var anonymous = App.Client())
            await (await anonymous.PutJsonAsync(Uri(visible), change, read.ETag())).ExpectAsync(HttpStatusCode.Unauthorized);
        var unchanged = await writer.GetAsync(Uri(visible));
        Assert.Equal(read.ETag(), unchanged.ETag());
        Assert.Equal(visible["description"].Str(), (await unchanged.JsonAsync())["description"].Str());

        // The owner's writer can, with the current ETag.
        var updated = await writer.PutJsonAsync(Uri(visible), change, read.ETag());
        Assert.True((await updated.ExpectJsonAsync(HttpStatusCode.OK))["global"]!.GetValue<bool>());
        await (await writer.SendAsync(HttpMethod.Delete, Uri(visible), ifMatch: updated.ETag())).ExpectAsync(HttpStatusCode.NoContent);
    }
}
