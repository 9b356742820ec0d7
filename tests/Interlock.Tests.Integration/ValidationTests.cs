using System.Net;
using Interlock.Data;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration;

/// <summary>Bad input gets 400 problem details whose <c>errors</c> name the field, and nothing is written.</summary>
public abstract class ValidationTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : ValidationTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : ValidationTests(f), IClassFixture<PostgresFixture>;

    [Theory]
    [InlineData("malformed JSON", """{"title": "Truncated", "classification": """, "classification")]
    [InlineData("unknown field", """{"title": "A report", "classification": "public", "colour": "red"}""", "colour")]
    [InlineData("date out of range", """{"title": "A report", "classification": "public", "publishedOn": "1800-01-01"}""", "publishedOn")]
    [InlineData("not a date", """{"title": "A report", "classification": "public", "publishedOn": "2024-13-45"}""", "publishedOn")]
    [InlineData("wrong enum value", """{"title": "A report", "classification": "secret"}""", "classification")]
    [InlineData("number for an enum", """{"title": "A report", "classification": 2}""", "classification")]
    [InlineData("missing title", """{"classification": "public"}""", "title")]
    [InlineData("not an address", """{"title": "A report", "classification": "public", "url": "javascript:alert(1)"}""", "url")]
    public async Task Bad_document_is_rejected_naming_the_field(string why, string json, string field)
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var before = await CountsAsync();

        var response = await writer.PostAsync("/api/v1/documents", Http.RawJson(json));
        var fields = await response.ProblemFieldsAsync();
        Assert.True(fields.Contains(field), $"{why}: expected the errors to name '{field}', got [{string.Join(", ", fields)}]");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Bad_update_is_rejected_and_the_document_is_unchanged()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("partners", "Kept as it is");
        var read = await writer.GetAsync($"/api/v1/documents/{id}");
        var before = await CountsAsync();

        var response = await writer.SendAsync(HttpMethod.Put, $"/api/v1/documents/{id}",
            Http.RawJson("""{"title": "Changed", "classification": "topSecret"}"""), read.ETag());
        Assert.Contains("classification", await response.ProblemFieldsAsync());
        response = await writer.PutJsonAsync($"/api/v1/documents/{id}", new { title = "", classification = "public", publishedOn = "1800-01-01" }, read.ETag());
        var fields = await response.ProblemFieldsAsync();
        Assert.Contains("title", fields);
        Assert.Contains("publishedOn", fields);

        Assert.Equal(before, await CountsAsync());
        var after = await writer.GetAsync($"/api/v1/documents/{id}");
        Assert.Equal("Kept as it is", (await after.JsonAsync())["title"].Str());
        Assert.Equal(read.ETag(), after.ETag());
    }

    [Fact]
    public async Task Sharing_agreement_with_an_unknown_organization_is_rejected()
    {
        var (_, admin) = await App.ApiUserAsync("AU", Role.OrgAdmin);
        var before = await CountsAsync();
        var response = await admin.PostJsonAsync("/api/v1/sharing-agreements", new
        {
            title = "With a made-up partner", parties = new[] { "AU", "ATLANTIS" }, ceiling = "confidential", validFrom = "2026-01-01",
        });
        var body = await response.ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ATLANTIS", body["errors"]!["parties"]!.ToJsonString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("""{"title": "x", "parties": ["AU", "ECOWAS"], "ceiling": "strictlyConfidential", "validFrom": "2026-01-01"}""", "ceiling")]
    [InlineData("""{"title": "x", "parties": ["AU", "ECOWAS"], "ceiling": "confidential", "validFrom": "2026-01-01", "validTo": "2025-01-01"}""", "validTo")]
    [InlineData("""{"title": "x", "parties": ["AU"], "ceiling": "confidential", "validFrom": "2026-01-01"}""", "parties")]
    [InlineData("""{"title": "x", "parties": ["AU", "ECOWAS"], "ceiling": "confidential", "validFrom": "2026-01-01", "dataCategories": ["gossip"]}""", "dataCategories")]
    [InlineData("""{"title": "x", "parties": ["AU", "ECOWAS"], "ceiling": "confidential", "validFrom": "someday"}""", "validFrom")]
    public async Task Bad_sharing_agreement_is_rejected_naming_the_field(string json, string field)
    {
        var (_, admin) = await App.ApiUserAsync("AU", Role.OrgAdmin);
        var before = await CountsAsync();
        var response = await admin.PostAsync("/api/v1/sharing-agreements", Http.RawJson(json));
        Assert.Contains(field, await response.ProblemFieldsAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Bad_organization_update_is_rejected_and_nothing_changes()
    {
        var (_, admin) = await App.ApiUserAsync("IGAD", Role.OrgAdmin);
        var read = await admin.GetAsync("/api/v1/organizations/IGAD");
        var before = await CountsAsync();
        var response = await admin.PutJsonAsync("/api/v1/organizations/IGAD", new
        {
            nameEn = " ", nameFr = "Autorité intergouvernementale pour le développement", kind = "subregionalOrganization",
            chapterViii = true, headquartersIso3 = "XXX",
        }, read.ETag());
        var fields = await response.ProblemFieldsAsync();
        Assert.Contains("nameEn", fields);
        Assert.Contains("headquartersIso3", fields);
        response = await admin.SendAsync(HttpMethod.Put, "/api/v1/organizations/IGAD",
            Http.RawJson("""{"nameEn": "x", "nameFr": "x", "kind": "empire", "chapterViii": true}"""), read.ETag());
        Assert.Contains("kind", await response.ProblemFieldsAsync());
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(read.ETag(), (await admin.GetAsync("/api/v1/organizations/IGAD")).ETag());
    }

    /// <summary>Rows of the tables a rejected request could have written, read straight from the database.</summary>
    private Task<(int Documents, int Agreements, long Audit)> CountsAsync() => App.WithDbAsync(async db =>
        (await db.Documents.CountAsync(), await db.SharingAgreements.CountAsync(), await db.AuditEntries.LongCountAsync()));
}
