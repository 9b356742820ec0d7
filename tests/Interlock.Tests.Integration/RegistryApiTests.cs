using System.Net;
using System.Text.Json.Nodes;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>The public registry: health, and the real organizations with their real member states over time.</summary>
public abstract class RegistryApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RegistryApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RegistryApiTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Health_endpoint_answers_200_without_signing_in()
    {
        using var client = App.Client();
        var response = await client.GetAsync("/healthz");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Organizations_are_public_and_count_current_members()
    {
        using var client = App.Client();
        var page = await client.GetJsonAsync("/api/v1/organizations?limit=500");
        var items = page["items"]!.AsArray();
        Assert.Equal(items.Count, page["total"]!.GetValue<int>());
        Assert.True(items.Count >= 60, $"the seeded registry has the organizations of the seeds, found {items.Count}");

        Assert.Equal(12, MemberCount(items, "ECOWAS"));
        Assert.Equal(54, MemberCount(items, "AU"));
        Assert.Equal(27, MemberCount(items, "EU"));
        var au = items.Single(o => o!["code"].Str() == "AU")!;
        Assert.Equal("African Union", au["nameEn"].Str());
        Assert.Equal("regionalArrangement", au["kind"].Str());
        Assert.True(au["chapterViii"]!.GetValue<bool>());
        Assert.Equal("OAU", au["predecessorCode"].Str());
    }

    [Fact]
    public async Task Sahel_states_left_ECOWAS_on_29_January_2025()
    {
        using var client = App.Client();
        var detail = await client.GetJsonAsync("/api/v1/organizations/ECOWAS");
        var left = detail["memberships"]!.AsArray().Where(m => m!["left"] is not null).ToDictionary(m => m!["iso3"].Str(), m => m!["left"].Str());
        foreach (var iso3 in new[] { "BFA", "MLI", "NER" })
            Assert.Equal("2025-01-29", left[iso3]);

        // The member filter and the count follow the clock: members the day before, not after.
        App.Clock.SetToday(new DateOnly(2025, 1, 28));
        Assert.Equal(15, await MemberCountAsync(client, "ECOWAS"));
        Assert.Contains("ECOWAS", await CodesAsync(client, "member=MLI"));

        App.Clock.SetToday(new DateOnly(2025, 1, 30));
        Assert.Equal(12, await MemberCountAsync(client, "ECOWAS"));
        foreach (var iso3 in new[] { "BFA", "MLI", "NER" })
            Assert.DoesNotContain("ECOWAS", await CodesAsync(client, $"member={iso3}"));
        Assert.Contains("ECOWAS", await CodesAsync(client, "member=NGA"));
    }

    [Fact]
    public async Task United_Kingdom_left_the_EU_and_Russia_left_the_Council_of_Europe()
    {
        using var client = App.Client();
        var eu = await client.GetJsonAsync("/api/v1/organizations/EU");
        Assert.Equal("2020-01-31", eu["memberships"]!.AsArray().Single(m => m!["iso3"].Str() == "GBR")!["left"].Str());
        var coe = await client.GetJsonAsync("/api/v1/organizations/COE");
        Assert.StartsWith("2022", coe["memberships"]!.AsArray().Single(m => m!["iso3"].Str() == "RUS")!["left"].Str());

        var gbr = await CodesAsync(client, "member=GBR");
        Assert.DoesNotContain("EU", gbr);
        Assert.Contains("COE", gbr);
        Assert.Contains("UN", gbr);
        var rus = await CodesAsync(client, "member=rus");
        Assert.DoesNotContain("COE", rus);
        Assert.Contains("OSCE", rus);

        App.Clock.SetToday(new DateOnly(2019, 6, 1));
        Assert.Contains("EU", await CodesAsync(client, "member=GBR"));
        Assert.Contains("COE", await CodesAsync(client, "member=RUS"));
        Assert.Equal(28, await MemberCountAsync(client, "EU"));
    }

    [Fact]
    public async Task Filters_by_text_kind_and_Chapter_VIII()
    {
        using var client = App.Client();
        Assert.Contains("ECOWAS", await CodesAsync(client, "q=west%20african"));
        Assert.Contains("ECOWAS", await CodesAsync(client, "q=ecowas"));
        Assert.Contains("AU", await CodesAsync(client, "q=Union%20africaine"));

        var subregional = await CodesAsync(client, "kind=SubregionalOrganization");
        Assert.Contains("ECOWAS", subregional);
        Assert.Contains("SADC", subregional);
        Assert.DoesNotContain("AU", subregional);

        var chapterViii = await CodesAsync(client, "chapterViii=true");
        Assert.Contains("AU", chapterViii);
        Assert.Contains("ECOWAS", chapterViii);
        Assert.DoesNotContain("UNDP", chapterViii);
        Assert.Contains("UNDP", await CodesAsync(client, "chapterViii=false"));

        // Filters combine.
        var both = await CodesAsync(client, "kind=SubregionalOrganization&chapterViii=true&member=NGA");
        Assert.Equal(["ECOWAS"], both);
    }

    [Fact]
    public async Task Pages_report_the_total_and_do_not_overlap()
    {
        using var client = App.Client();
        var first = await client.GetJsonAsync("/api/v1/organizations?offset=0&limit=10");
        var second = await client.GetJsonAsync("/api/v1/organizations?offset=10&limit=10");
        var all = await client.GetJsonAsync("/api/v1/organizations?limit=500");
        var total = all["total"]!.GetValue<int>();
        Assert.Equal(total, first["total"]!.GetValue<int>());
        Assert.Equal(total, second["total"]!.GetValue<int>());
        Assert.Equal(10, first["items"]!.AsArray().Count);
        Assert.Equal(10, first["limit"]!.GetValue<int>());
        Assert.Equal(10, second["offset"]!.GetValue<int>());
        var firstCodes = first["items"]!.AsArray().Select(o => o!["code"].Str()).ToList();
        var secondCodes = second["items"]!.AsArray().Select(o => o!["code"].Str()).ToList();
        Assert.Empty(firstCodes.Intersect(secondCodes));
        Assert.Equal(all["items"]!.AsArray().Select(o => o!["code"].Str()).Take(20), firstCodes.Concat(secondCodes));

        var past = await client.GetJsonAsync($"/api/v1/organizations?offset={total}");
        Assert.Empty(past["items"]!.AsArray());
        Assert.Equal(total, past["total"]!.GetValue<int>());

        var filtered = await client.GetJsonAsync("/api/v1/organizations?chapterViii=true&limit=2");
        Assert.Equal(2, filtered["items"]!.AsArray().Count);
        Assert.Equal((await CodesAsync(client, "chapterViii=true")).Count, filtered["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_organization_is_404_problem()
    {
        using var client = App.Client();
        var response = await client.GetAsync("/api/v1/organizations/NOPE");
        await response.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static int MemberCount(JsonArray items, string code) =>
        items.Single(o => o!["code"].Str() == code)!["currentMemberCount"]!.GetValue<int>();

    private static async Task<int> MemberCountAsync(HttpClient client, string code)
    {
        var detail = await client.GetJsonAsync($"/api/v1/organizations/{code}");
        return detail["organization"]!["currentMemberCount"]!.GetValue<int>();
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string query)
    {
        var page = await client.GetJsonAsync($"/api/v1/organizations?{query}&limit=500");
        return page["items"]!.AsArray().Select(o => o!["code"].Str()).ToList();
    }
}
