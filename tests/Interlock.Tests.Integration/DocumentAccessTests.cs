using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>
/// The access policy end to end on /api/v1/documents: classification, partner visibility, information-sharing
/// agreements over time, write rules, token scopes and dead tokens. A = AU, B = ECOWAS, C = EU.
/// </summary>
public abstract class DocumentAccessTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DocumentAccessTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DocumentAccessTests(f), IClassFixture<PostgresFixture>;

    private const string A = "AU", B = "ECOWAS", C = "EU";


    /// <summary>One document of each classification, owned by A.</summary>
    private async Task<(HttpClient Writer, Guid Public, Guid Partners, Guid Confidential, Guid Strict)> DocumentsOfAAsync()
    {
        var (_, writer) = await App.ApiUserAsync(A, Role.Contributor, name: "au-writer");
        return (writer,
            await writer.CreateDocumentAsync("public"),
            await writer.CreateDocumentAsync("partners"),
            await writer.CreateDocumentAsync("confidential"),
            await writer.CreateDocumentAsync("strictlyConfidential"));
    }

    [Fact]
    public async Task Anonymous_visitors_see_only_public_documents()
    {
        var (writer, pub, partners, confidential, strict) = await DocumentsOfAAsync();
        using var anonymous = App.Client();

        var listed = await anonymous.ListedDocumentIdsAsync(A);
        Assert.Contains(pub, listed);
        Assert.DoesNotContain(partners, listed);
        Assert.DoesNotContain(confidential, listed);
        Assert.DoesNotContain(strict, listed);

        await (await anonymous.GetAsync($"/api/v1/documents/{pub}")).ExpectAsync(HttpStatusCode.OK);
        foreach (var hidden in new[] { partners, confidential, strict })
            await (await anonymous.GetAsync($"/api/v1/documents/{hidden}")).ExpectAsync(HttpStatusCode.NotFound);

        // The owner sees all four.
        var own = await writer.ListedDocumentIdsAsync(A);
        Assert.Superset(new HashSet<Guid> { pub, partners, confidential, strict }, own);
    }

    [Fact]
    public async Task A_partner_sees_public_and_partners_documents_and_gets_404_for_confidential_ones()
    {
        var (_, pub, partners, confidential, strict) = await DocumentsOfAAsync();
        var (_, b) = await App.ApiUserAsync(B, Role.Reader);

        var listed = await b.ListedDocumentIdsAsync(A);
        Assert.Contains(pub, listed);
        Assert.Contains(partners, listed);
        Assert.DoesNotContain(confidential, listed);
        Assert.DoesNotContain(strict, listed);

        await (await b.GetAsync($"/api/v1/documents/{partners}")).ExpectAsync(HttpStatusCode.OK);
        // 404, not 403: a partner must not learn that the record exists.
        await (await b.GetAsync($"/api/v1/documents/{confidential}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await b.GetAsync($"/api/v1/documents/{strict}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await b.GetAsync($"/api/v1/documents/{Guid.NewGuid()}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sharing_agreement_opens_confidential_documents_only_when_confirmed_and_only_within_its_validity()
    {
        var (_, pub, partners, confidential, strict) = await DocumentsOfAAsync();
        var (_, aAdmin) = await App.ApiUserAsync(A, Role.OrgAdmin, name: "au-admin");
        var (_, bAdmin) = await App.ApiUserAsync(B, Role.OrgAdmin, name: "ecowas-admin");
        var (_, b) = await App.ApiUserAsync(B, Role.Reader);
        var (_, c) = await App.ApiUserAsync(C, Role.OrgAdmin);

        var today = App.Clock.Today;
        var d = today.AddDays(10);
        var e = d.AddDays(20);
        var agreement = await aAdmin.CreateAgreementAsync([A, B], d, e);
        var id = agreement["id"]!.GetValue<Guid>();
        Assert.False(agreement["inForceToday"]!.GetValue<bool>());

        // Recorded by A but not yet confirmed by B: it grants nothing, even on a day within its validity.
        App.Clock.SetToday(d.AddDays(5));
        Assert.False(await CanReadAsync(b, confidential));
        Assert.DoesNotContain(confidential, await b.ListedDocumentIdsAsync(A));

        App.Clock.Reset();
        await bAdmin.ConfirmAgreementAsync(id);

        App.Clock.SetToday(d.AddDays(-1));
        Assert.False(await CanReadAsync(b, confidential));
        Assert.DoesNotContain(confidential, await b.ListedDocumentIdsAsync(A));

        App.Clock.SetToday(d);
        Assert.True(await CanReadAsync(b, confidential));
        var listed = await b.ListedDocumentIdsAsync(A);
        Assert.Contains(confidential, listed);
        Assert.Contains(partners, listed);
        Assert.Contains(pub, listed);
        // Strictly confidential records are never shared, whatever an agreement says.
        Assert.False(await CanReadAsync(b, strict));
        Assert.DoesNotContain(strict, listed);
        // An organization that is no party reads nothing more.
        Assert.False(await CanReadAsync(c, confidential));
        Assert.DoesNotContain(confidential, await c.ListedDocumentIdsAsync(A));

        App.Clock.SetToday(e);
        Assert.True(await CanReadAsync(b, confidential));
        Assert.False(await CanReadAsync(c, confidential));

        App.Clock.SetToday(e.AddDays(1));
        Assert.False(await CanReadAsync(b, confidential));
        Assert.DoesNotContain(confidential, await b.ListedDocumentIdsAsync(A));
    }

    [Fact]
    public async Task Another_organization_cannot_change_or_delete_documents_403_if_readable_404_if_not()
    {
        var (writer, pub, partners, confidential, strict) = await DocumentsOfAAsync();
        var (_, b) = await App.ApiUserAsync(B, Role.OrgAdmin);
        var change = new { title = "Rewritten by another organization", classification = "public" };

        foreach (var readable in new[] { pub, partners })
        {
            var etag = (await b.GetAsync($"/api/v1/documents/{readable}")).ETag();
            await (await b.PutJsonAsync($"/api/v1/documents/{readable}", change, etag)).ExpectAsync(HttpStatusCode.Forbidden);
            await (await b.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{readable}", ifMatch: etag)).ExpectAsync(HttpStatusCode.Forbidden);
        }
        foreach (var hidden in new[] { confidential, strict })
        {
            await (await b.PutJsonAsync($"/api/v1/documents/{hidden}", change, "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
            await (await b.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{hidden}", ifMatch: "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
        }

        // Nothing changed: the owner still reads the four with their titles.
        foreach (var id in new[] { pub, partners, confidential, strict })
        {
            var doc = await writer.GetJsonAsync($"/api/v1/documents/{id}");
            Assert.NotEqual("Rewritten by another organization", doc["title"].Str());
        }
    }

    [Fact]
    public async Task A_Reader_cannot_create_documents()
    {
        var (_, reader) = await App.ApiUserAsync(A, Role.Reader);
        var response = await reader.PostJsonAsync("/api/v1/documents", new { title = "Not allowed", classification = "public" });
        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_read_scope_token_reads_but_cannot_write()
    {
        var user = await App.CreateUserAsync(A, Role.Contributor);
        using var writer = App.Client(await App.CreateTokenAsync(user, TokenScope.Write));
        using var readOnly = App.Client(await App.CreateTokenAsync(user, TokenScope.Read));
        var own = await writer.CreateDocumentAsync("confidential");

        var read = await readOnly.GetAsync($"/api/v1/documents/{own}");
        await read.ExpectAsync(HttpStatusCode.OK);
        await (await readOnly.PostJsonAsync("/api/v1/documents", new { title = "Not allowed", classification = "public" }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PutJsonAsync($"/api/v1/documents/{own}", new { title = "Not allowed", classification = "public" }, read.ETag()))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{own}", ifMatch: read.ETag()))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await writer.GetAsync($"/api/v1/documents/{own}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_token_gets_401()
    {
        var user = await App.CreateUserAsync(A, Role.Contributor);
        var secret = await App.CreateTokenAsync(user);
        using var client = App.Client(secret);
        await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);

        var tokens = await client.GetJsonAsync("/api/v1/me/tokens");
        var id = tokens.AsArray().Single(t => secret.StartsWith(t!["hint"].Str(), StringComparison.Ordinal))!["id"]!.GetValue<Guid>();
        await (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/documents", new { title = "Not allowed", classification = "public" }))
            .ExpectAsync(HttpStatusCode.Unauthorized);
        // Even where anonymous callers are welcome, a dead token is refused rather than downgraded to anonymous.
        await (await client.GetAsync("/api/v1/documents")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_scope_token_cannot_revoke_tokens()
    {
        var user = await App.CreateUserAsync(A, Role.Contributor);
        using var client = App.Client(await App.CreateTokenAsync(user, TokenScope.Read));
        var tokens = await client.GetJsonAsync("/api/v1/me/tokens");
        var id = tokens.AsArray().First()!["id"]!.GetValue<Guid>();
        await (await client.DeleteAsync($"/api/v1/me/tokens/{id}")).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var user = await App.CreateUserAsync(A, Role.Contributor);
        using var client = App.Client(await App.CreateTokenAsync(user, lifetime: TimeSpan.FromDays(1)));
        await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);

        App.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/documents", new { title = "Not allowed", classification = "public" }))
            .ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_token_gets_401_and_no_token_gets_401_on_protected_endpoints()
    {
        using var forged = App.Client("ilk_" + new string('x', 43));
        await (await forged.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
        using var anonymous = App.Client();
        await (await anonymous.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync("/api/v1/documents", new { title = "Not allowed", classification = "public" }))
            .ExpectAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<bool> CanReadAsync(HttpClient client, Guid document)
    {
        var response = await client.GetAsync($"/api/v1/documents/{document}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"unexpected {response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
