using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>Optimistic concurrency: every update names the version it read (If-Match), so no change is silently lost.</summary>
public abstract class ConcurrencyTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : ConcurrencyTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : ConcurrencyTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Document_update_needs_the_current_ETag()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("partners", "Original title");
        var read = await writer.GetAsync($"/api/v1/documents/{id}");
        var etag = read.ETag();
        var change = new { title = "Changed title", classification = "partners" };

        await (await writer.PutJsonAsync($"/api/v1/documents/{id}", change)).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await writer.PutJsonAsync($"/api/v1/documents/{id}", change, "\"12345\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var unchanged = await writer.GetAsync($"/api/v1/documents/{id}");
        Assert.Equal("Original title", (await unchanged.JsonAsync())["title"].Str());
        Assert.Equal(etag, unchanged.ETag());

        var updated = await writer.PutJsonAsync($"/api/v1/documents/{id}", change, etag);
        var body = await updated.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Changed title", body["title"].Str());
        Assert.NotEqual(etag, updated.ETag());
        Assert.Equal(updated.ETag(), (await writer.GetAsync($"/api/v1/documents/{id}")).ETag());

        // The ETag read before the change is now stale.
        await (await writer.PutJsonAsync($"/api/v1/documents/{id}", new { title = "Lost update", classification = "partners" }, etag))
            .ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Changed title", (await writer.GetJsonAsync($"/api/v1/documents/{id}"))["title"].Str());
    }

    [Fact]
    public async Task Two_editors_of_one_version_the_second_gets_412()
    {
        var (_, first) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, second) = await App.ApiUserAsync("AU", Role.Analyst);
        var id = await first.CreateDocumentAsync("confidential", "Shared draft");
        var etag = (await second.GetAsync($"/api/v1/documents/{id}")).ETag();

        await (await first.PutJsonAsync($"/api/v1/documents/{id}", new { title = "First edit", classification = "confidential" }, etag))
            .ExpectAsync(HttpStatusCode.OK);
        await (await second.PutJsonAsync($"/api/v1/documents/{id}", new { title = "Second edit", classification = "confidential" }, etag))
            .ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("First edit", (await second.GetJsonAsync($"/api/v1/documents/{id}"))["title"].Str());
    }

    [Fact]
    public async Task Document_delete_needs_the_current_ETag()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("public");
        var etag = (await writer.GetAsync($"/api/v1/documents/{id}")).ETag();

        await (await writer.DeleteAsync($"/api/v1/documents/{id}")).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await writer.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{id}", ifMatch: "\"777\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await writer.GetAsync($"/api/v1/documents/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await writer.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{id}", ifMatch: etag)).ExpectAsync(HttpStatusCode.NoContent);
        await (await writer.GetAsync($"/api/v1/documents/{id}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Organization_update_needs_the_current_ETag_and_its_own_OrgAdmin_or_the_Administrator()
    {
        const string code = "SADC";
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        var (_, otherOrgAdmin) = await App.ApiUserAsync("IGAD", Role.OrgAdmin);
        var (_, contributor) = await App.ApiUserAsync(code, Role.Contributor);
        using var anonymous = App.Client();

        var read = await orgAdmin.GetAsync($"/api/v1/organizations/{code}");
        var etag = read.ETag();
        var original = (await read.JsonAsync())["organization"]!;
        object Change(string name) => new
        {
            nameEn = name, nameFr = original["nameFr"].Str(), kind = "subregionalOrganization", chapterViii = true,
            headquartersIso3 = "BWA",
        };

        await (await orgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change("No precondition"))).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await orgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change("Stale"), "\"98765\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await otherOrgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change("Another organization"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await contributor.PutJsonAsync($"/api/v1/organizations/{code}", Change("A contributor"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await anonymous.PutJsonAsync($"/api/v1/organizations/{code}", Change("Anonymous"), etag)).ExpectAsync(HttpStatusCode.Unauthorized);
        var unchanged = await anonymous.GetAsync($"/api/v1/organizations/{code}");
        Assert.Equal(original["nameEn"].Str(), (await unchanged.JsonAsync())["organization"]!["nameEn"].Str());
        Assert.Equal(etag, unchanged.ETag());

        // The organization's own OrgAdmin, with the current ETag: accepted (204 with the new ETag).
        var byOwner = await orgAdmin.PutJsonAsync($"/api/v1/organizations/{code}", Change("Southern African Development Community (edited)"), etag);
        await byOwner.ExpectAsync(HttpStatusCode.NoContent);
        Assert.NotEqual(etag, byOwner.ETag());
        var afterOwner = await anonymous.GetAsync($"/api/v1/organizations/{code}");
        Assert.Equal("Southern African Development Community (edited)", (await afterOwner.JsonAsync())["organization"]!["nameEn"].Str());
        Assert.Equal(byOwner.ETag(), afterOwner.ETag());

        // The secretariat's Administrator may change any organization; the owner's old ETag is stale by now.
        await (await administrator.PutJsonAsync($"/api/v1/organizations/{code}", Change("Lost update"), etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var byAdministrator = await administrator.PutJsonAsync($"/api/v1/organizations/{code}", Change(original["nameEn"].Str()), byOwner.ETag());
        await byAdministrator.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(original["nameEn"].Str(), (await anonymous.GetJsonAsync($"/api/v1/organizations/{code}"))["organization"]!["nameEn"].Str());
    }

    [Fact]
    public async Task Sharing_agreement_confirmation_needs_the_current_ETag()
    {
        var (_, aAdmin) = await App.ApiUserAsync("OAS", Role.OrgAdmin);
        var (_, bAdmin) = await App.ApiUserAsync("CARICOM", Role.OrgAdmin);
        var agreement = await aAdmin.CreateAgreementAsync(["OAS", "CARICOM"], App.Clock.Today, null);
        var id = agreement["id"]!.GetValue<Guid>();
        var uri = $"/api/v1/sharing-agreements/{id}/confirm";

        await (await bAdmin.SendAsync(HttpMethod.Post, uri)).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await bAdmin.SendAsync(HttpMethod.Post, uri, ifMatch: "\"4242\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var before = await bAdmin.GetJsonAsync($"/api/v1/sharing-agreements/{id}");
        Assert.False(before["inForceToday"]!.GetValue<bool>());

        await bAdmin.ConfirmAgreementAsync(id);
        var after = await bAdmin.GetJsonAsync($"/api/v1/sharing-agreements/{id}");
        Assert.True(after["inForceToday"]!.GetValue<bool>());
        Assert.NotEqual(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
    }
}
