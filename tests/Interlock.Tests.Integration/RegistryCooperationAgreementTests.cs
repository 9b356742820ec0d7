using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>UN–organization cooperation agreements: owned by the partner, written by its OrgAdmin or the Administrator.</summary>
public abstract class RegistryCooperationAgreementTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RegistryCooperationAgreementTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RegistryCooperationAgreementTests(f), IClassFixture<PostgresFixture>;

    private static object Agreement(string org, string classification = "public", string title = "Framework for cooperation in peace and security") => new
    {
        organization = org, type = "frameworkAgreement", title, classification, signed = "2024-05-01", inForceFrom = "2024-05-01",
        scope = "Conflict prevention, mediation and peacekeeping", documentReference = "A/78/123",
    };

    [Fact]
    public async Task The_Administrator_or_the_organizations_OrgAdmin_records_and_edits_its_agreements()
    {
        var code = await App.NewOrganizationAsync();
        var other = await App.NewOrganizationAsync();
        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        var (_, contributor) = await App.ApiUserAsync(code, Role.Contributor);
        var (_, otherAdmin) = await App.ApiUserAsync(other, Role.OrgAdmin);

        await (await contributor.PostJsonAsync("/api/v1/cooperation-agreements", Agreement(code))).ExpectAsync(HttpStatusCode.Forbidden);
        await (await otherAdmin.PostJsonAsync("/api/v1/cooperation-agreements", Agreement(code))).ExpectAsync(HttpStatusCode.Forbidden);
        var created = await administrator.PostJsonAsync("/api/v1/cooperation-agreements", Agreement(code));
        var body = await created.ExpectJsonAsync(HttpStatusCode.Created);
        var uri = $"/api/v1/cooperation-agreements/{body["id"]!.GetValue<Guid>()}";
        Assert.True(body["inForceToday"]!.GetValue<bool>());
        Assert.Equal(code, body["organization"].Str());

        var change = new { type = "memorandumOfUnderstanding", title = "Memorandum of understanding", inForceFrom = "2024-05-01", inForceTo = "2025-05-01" };
        await (await otherAdmin.PutJsonAsync(uri, change, created.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await orgAdmin.PutJsonAsync(uri, change)).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var updated = await orgAdmin.PutJsonAsync(uri, change, created.ETag());
        var after = await updated.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(after["inForceToday"]!.GetValue<bool>());
        Assert.Equal("memorandumOfUnderstanding", after["type"].Str());
        Assert.Equal(["organization"], await (await orgAdmin.PutJsonAsync(uri, new { organization = other, type = "other", title = "x" }, updated.ETag())).ProblemFieldsAsync());

        using var anonymous = App.Client();
        Assert.Single((await anonymous.GetJsonAsync($"/api/v1/cooperation-agreements?organization={code}"))["items"]!.AsArray());
        await (await orgAdmin.SendAsync(HttpMethod.Delete, uri, ifMatch: updated.ETag())).ExpectAsync(HttpStatusCode.NoContent);
        await (await anonymous.GetAsync(uri)).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_confidential_agreement_is_hidden_from_others_and_bad_fields_are_named()
    {
        var code = await App.NewOrganizationAsync();
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        var secret = await (await orgAdmin.PostJsonAsync("/api/v1/cooperation-agreements", Agreement(code, "confidential"))).ExpectJsonAsync(HttpStatusCode.Created);
        var (_, outsider) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        await (await outsider.GetAsync($"/api/v1/cooperation-agreements/{secret["id"]}")).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty((await outsider.GetJsonAsync($"/api/v1/cooperation-agreements?organization={code}"))["items"]!.AsArray());
        Assert.Single((await orgAdmin.GetJsonAsync($"/api/v1/cooperation-agreements?organization={code}"))["items"]!.AsArray());

        var bad = await orgAdmin.PostJsonAsync("/api/v1/cooperation-agreements", new
        {
            organization = code, title = "", inForceFrom = "2024-05-01", inForceTo = "2024-01-01",
        });
        Assert.Equal(["inForceTo", "title", "type"], (await bad.ProblemFieldsAsync()).Order());
        Assert.Equal(["organization"], await (await orgAdmin.PostJsonAsync("/api/v1/cooperation-agreements",
            new { organization = "NOPE", type = "other", title = "x" })).ProblemFieldsAsync());
    }
}
