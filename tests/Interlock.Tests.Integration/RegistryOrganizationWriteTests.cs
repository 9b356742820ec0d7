using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>Creating and editing organizations and their member states through the API.</summary>
public abstract class RegistryOrganizationWriteTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RegistryOrganizationWriteTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RegistryOrganizationWriteTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Only_the_Administrator_adds_an_organization_and_its_fields_are_checked()
    {
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);
        var (_, orgAdmin) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var code = $"N{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        object Body(string c, string? predecessor = null) => new
        {
            code = c, nameEn = "New Regional Arrangement", nameFr = "Nouvel arrangement régional", kind = "regionalArrangement", chapterViii = true,
            headquartersIso3 = "SEN", established = "2031", predecessorCode = predecessor, parentCode = (string?)null, peacebuildingUnit = "Peacebuilding Unit",
        };

        await (await orgAdmin.PostJsonAsync("/api/v1/organizations", Body(code))).ExpectAsync(HttpStatusCode.Forbidden);
        using (var anonymous = App.Client())
            await (await anonymous.PostJsonAsync("/api/v1/organizations", Body(code))).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["predecessorCode"], await (await admin.PostJsonAsync("/api/v1/organizations", Body(code, "NOPE"))).ProblemFieldsAsync());
        Assert.Equal(["code"], await (await admin.PostJsonAsync("/api/v1/organizations", Body("ECOWAS"))).ProblemFieldsAsync());
        Assert.Equal(["code"], await (await admin.PostJsonAsync("/api/v1/organizations", Body("bad code"))).ProblemFieldsAsync());
        await (await App.Client().GetAsync($"/api/v1/organizations/{code}")).ExpectAsync(HttpStatusCode.NotFound);

        var created = await admin.PostJsonAsync("/api/v1/organizations", Body(code, "OAU"));
        var body = await created.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/organizations/{code}", created.Headers.Location?.ToString());
        var org = body["organization"]!;
        Assert.Equal("OAU", org["predecessorCode"].Str());
        Assert.Equal("2031", org["established"].Str());
        Assert.Equal("Peacebuilding Unit", org["peacebuildingUnit"].Str());
        Assert.Equal(created.ETag(), (await App.Client().GetAsync($"/api/v1/organizations/{code}")).ETag());
    }

    [Fact]
    public async Task An_update_sets_predecessor_parent_dates_and_peacebuilding_unit_and_refuses_loops()
    {
        var code = await App.NewOrganizationAsync();
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        using var anonymous = App.Client();
        var read = await anonymous.GetAsync($"/api/v1/organizations/{code}");
        object Change(string? predecessor, string? parent, string? dissolved = null) => new
        {
            nameEn = "Renamed", nameFr = "Renommée", kind = "subregionalOrganization", chapterViii = true, headquartersIso3 = "NGA",
            established = "1975-05-28", dissolved, predecessorCode = predecessor, parentCode = parent, peacebuildingUnit = "Directorate of Political Affairs",
        };

        var response = await orgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change("OAU", "AU"), read.ETag());
        await response.ExpectAsync(HttpStatusCode.NoContent);
        var org = (await anonymous.GetJsonAsync($"/api/v1/organizations/{code}"))["organization"]!;
        Assert.Equal(("OAU", "AU", "1975-05-28", "Directorate of Political Affairs"),
            (org["predecessorCode"].Str(), org["parentCode"].Str(), org["established"].Str(), org["peacebuildingUnit"].Str()));

        // AU's parent cannot become this organization, whose parent is AU.
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);
        var au = await anonymous.GetAsync("/api/v1/organizations/AU");
        var auOrg = (await au.JsonAsync())["organization"]!;
        var loop = await admin.PutJsonAsync("/api/v1/organizations/AU", new
        {
            nameEn = auOrg["nameEn"].Str(), nameFr = auOrg["nameFr"].Str(), kind = auOrg["kind"].Str(), chapterViii = true,
            headquartersIso3 = "ETH", predecessorCode = "OAU", parentCode = code,
        }, au.ETag());
        Assert.Equal(["parentCode"], await loop.ProblemFieldsAsync());

        var bad = await orgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change(code, "NOPE", "1970"), response.ETag());
        Assert.Equal(["dissolved", "parentCode", "predecessorCode"], (await bad.ProblemFieldsAsync()).Order());
        Assert.Equal(response.ETag(), (await anonymous.GetAsync($"/api/v1/organizations/{code}")).ETag());
    }

    [Fact]
    public async Task Overlapping_memberships_of_the_same_state_are_rejected()
    {
        var code = await App.NewOrganizationAsync();
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        var uri = $"/api/v1/organizations/{code}/members";

        var mali = await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "MLI", joined = "1975-05-28", left = "2025-01-29" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["joined"], await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "MLI", joined = "2000" })).ProblemFieldsAsync());
        Assert.Equal(["joined"], await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "MLI", joined = "1960", left = "1976" })).ProblemFieldsAsync());
        Assert.Equal(["iso3"], await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "XXX", joined = "2000" })).ProblemFieldsAsync());
        Assert.Equal(["left"], await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "SEN", joined = "2000", left = "1999" })).ProblemFieldsAsync());

        // Rejoining is a second period, possible from the day the state left (periods are half-open); another state is independent.
        var rejoined = await orgAdmin.PostJsonAsync(uri, new { iso3 = "MLI", joined = "2025-01-29", note = "rejoined" });
        var second = await rejoined.ExpectJsonAsync(HttpStatusCode.Created);
        await (await orgAdmin.PostJsonAsync(uri, new { iso3 = "SEN", joined = "1975" })).ExpectAsync(HttpStatusCode.Created);

        var page = await App.Client().GetJsonAsync($"{uri}?limit=10");
        Assert.Equal(3, page["total"]!.GetValue<int>());
        var detail = await App.Client().GetJsonAsync($"/api/v1/organizations/{code}");
        Assert.Equal(2, detail["organization"]!["currentMemberCount"]!.GetValue<int>());
        Assert.Contains(detail["memberships"]!.AsArray(), m => m!["id"]!.GetValue<Guid>() == mali["id"]!.GetValue<Guid>() && m["left"].Str() == "2025-01-29");

        // Moving the second period back into the first is rejected too; PUT and DELETE need the organization's ETag.
        var secondUri = $"{uri}/{second["id"]!.GetValue<Guid>()}";
        var etag = (await App.Client().GetAsync($"/api/v1/organizations/{code}")).ETag();
        await (await orgAdmin.PutJsonAsync(secondUri, new { iso3 = "MLI", joined = "2020" })).ExpectAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(["joined"], await (await orgAdmin.PutJsonAsync(secondUri, new { iso3 = "MLI", joined = "2020" }, etag)).ProblemFieldsAsync());
        var moved = await orgAdmin.PutJsonAsync(secondUri, new { iso3 = "MLI", joined = "2026-01-01", note = "rejoined" }, etag);
        Assert.Equal("2026-01-01", (await moved.ExpectJsonAsync(HttpStatusCode.OK))["joined"].Str());
        await (await orgAdmin.SendAsync(HttpMethod.Delete, secondUri, ifMatch: etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await orgAdmin.SendAsync(HttpMethod.Delete, secondUri, ifMatch: moved.ETag())).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(2, (await App.Client().GetJsonAsync(uri))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Enum_filters_accept_the_JSON_spelling_and_name_a_bad_value()
    {
        using var client = App.Client();
        var camel = await client.GetJsonAsync("/api/v1/organizations?kind=regionalArrangement&limit=500");
        var pascal = await client.GetJsonAsync("/api/v1/organizations?kind=RegionalArrangement&limit=500");
        Assert.True(camel["total"]!.GetValue<int>() > 0);
        Assert.Equal(pascal["total"]!.GetValue<int>(), camel["total"]!.GetValue<int>());
        Assert.All(camel["items"]!.AsArray(), o => Assert.Equal("regionalArrangement", o!["kind"].Str()));
        Assert.Equal(["kind"], await (await client.GetAsync("/api/v1/organizations?kind=empire")).ProblemFieldsAsync());
        Assert.Equal(["kind"], await (await client.GetAsync("/api/v1/organizations?kind=3")).ProblemFieldsAsync());
        Assert.Equal(["status"], await (await client.GetAsync("/api/v1/countries?status=colony")).ProblemFieldsAsync());
        Assert.True((await client.GetJsonAsync("/api/v1/countries?status=observer"))["total"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Memberships_are_changed_by_the_Administrator_or_the_organizations_own_OrgAdmin_only()
    {
        var code = await App.NewOrganizationAsync();
        var uri = $"/api/v1/organizations/{code}/members";
        var member = new { iso3 = "GHA", joined = "1975" };
        var (_, otherAdmin) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var (_, contributor) = await App.ApiUserAsync(code, Role.Contributor);
        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        await (await otherAdmin.PostJsonAsync(uri, member)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await contributor.PostJsonAsync(uri, member)).ExpectAsync(HttpStatusCode.Forbidden);
        using (var anonymous = App.Client())
            await (await anonymous.PostJsonAsync(uri, member)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await administrator.PostJsonAsync(uri, member)).ExpectAsync(HttpStatusCode.Created);
        await (await administrator.PostJsonAsync("/api/v1/organizations/NOPE/members", member)).ExpectAsync(HttpStatusCode.NotFound);
    }
}
