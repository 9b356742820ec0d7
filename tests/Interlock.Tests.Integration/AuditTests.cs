using System.Data.Common;
using System.Net;
using Interlock.Audit;
using Interlock.Data;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration;

/// <summary>The append-only, hash-chained audit log as the database holds it: who did what, restricted reads, and tamper evidence.</summary>
public abstract class AuditTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : AuditTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : AuditTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Each_write_is_an_audit_entry_naming_who_which_organization_and_what()
    {
        var (user, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("partners", "Audited report");
        var etag = (await writer.GetAsync($"/api/v1/documents/{id}")).ETag();
        var updated = await writer.PutJsonAsync($"/api/v1/documents/{id}", new { title = "Audited report, revised", classification = "partners" }, etag);
        await updated.ExpectAsync(HttpStatusCode.OK);
        await (await writer.SendAsync(HttpMethod.Delete, $"/api/v1/documents/{id}", ifMatch: updated.ETag())).ExpectAsync(HttpStatusCode.NoContent);

        var entries = await EntriesAsync("Document", id);
        Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Delete], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(user.Id, e.UserId);
            Assert.Equal(user.UserName, e.UserName);
            Assert.Equal(user.OrganizationId, e.OrganizationId);
            Assert.Equal("127.0.0.1", e.RemoteAddress);
            Assert.Equal(AuditChain.ComputeHash(e), e.Hash);
        });
        Assert.Contains("Audited report", entries[0].Details);
        Assert.Contains("revised", entries[1].Details);

        // Each entry is chained to the one written just before it.
        foreach (var e in entries)
        {
            var previous = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Id < e.Id).OrderByDescending(a => a.Id).Select(a => a.Hash).FirstAsync());
            Assert.Equal(previous, e.PreviousHash);
        }

        // The API shows them to the secretariat's Administrator and to the organization's OrgAdmin, not to others.
        var uri = $"/api/v1/audit?entityType=Document&entityId={id:D}";
        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        Assert.Equal(3, (await administrator.GetJsonAsync(uri))["total"]!.GetValue<int>());
        var (_, ownAdmin) = await App.ApiUserAsync("AU", Role.OrgAdmin);
        Assert.Equal(3, (await ownAdmin.GetJsonAsync(uri))["total"]!.GetValue<int>());
        var (_, otherAdmin) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        Assert.Equal(0, (await otherAdmin.GetJsonAsync(uri))["total"]!.GetValue<int>());
        await (await writer.GetAsync(uri)).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_reading_a_confidential_document_leaves_a_read_entry()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var confidential = await writer.CreateDocumentAsync("confidential");
        var pub = await writer.CreateDocumentAsync("public");
        var (_, aAdmin) = await App.ApiUserAsync("AU", Role.OrgAdmin);
        var (_, bAdmin) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var agreement = await aAdmin.CreateAgreementAsync(["AU", "ECOWAS"], App.Clock.Today.AddDays(-1), null);
        await bAdmin.ConfirmAgreementAsync(agreement["id"]!.GetValue<Guid>());
        var (reader, b) = await App.ApiUserAsync("ECOWAS", Role.Reader);

        await (await b.GetAsync($"/api/v1/documents/{confidential}")).ExpectAsync(HttpStatusCode.OK);
        await (await b.GetAsync($"/api/v1/documents/{pub}")).ExpectAsync(HttpStatusCode.OK);

        var reads = (await EntriesAsync("Document", confidential)).Where(e => e.Action == AuditActions.Read).ToList();
        var read = Assert.Single(reads);
        Assert.Equal(reader.UserName, read.UserName);
        Assert.Equal(reader.OrganizationId, read.OrganizationId);
        Assert.Contains("Confidential", read.Details);
        Assert.DoesNotContain(await EntriesAsync("Document", pub), e => e.Action == AuditActions.Read);

        // Listing it is reading it too.
        Assert.Contains(confidential, await b.ListedDocumentIdsAsync("AU"));
        Assert.Equal(2, (await EntriesAsync("Document", confidential)).Count(e => e.Action == AuditActions.Read && e.UserName == reader.UserName));
    }

    [Fact]
    public async Task The_chain_over_the_whole_database_is_intact_after_concurrent_writes()
    {
        var (_, first) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, second) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var writes = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? first : second).CreateDocumentAsync("partners", $"Concurrent {i}"));
        Assert.Equal(12, (await Task.WhenAll(writes)).Distinct().Count());

        var result = await App.WithDbAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(await App.WithDbAsync(db => db.AuditEntries.LongCountAsync()), result.Checked);

        var (_, administrator) = await App.ApiUserAsync("UN", Role.Administrator);
        var verified = await administrator.GetJsonAsync("/api/v1/audit/verify");
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        await (await first.GetAsync("/api/v1/audit/verify")).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("partners", "Evidence");
        var entry = (await EntriesAsync("Document", id)).Single();

        await AssertRefusedAsync($"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else' WHERE \"Id\" = {entry.Id}");
        await AssertRefusedAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entry.Id}");
        await AssertRefusedAsync("DELETE FROM \"AuditEntries\"");
        if (Provider == TestProvider.Postgres)
            await AssertRefusedAsync("TRUNCATE \"AuditEntries\"");

        var after = (await EntriesAsync("Document", id)).Single();
        Assert.Equal(entry.UserName, after.UserName);
        Assert.Equal(entry.Hash, after.Hash);
        var result = await App.WithDbAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(result.Intact, result.Problem);
    }

    [Fact]
    public async Task Verification_finds_an_entry_changed_behind_the_triggers_back()
    {
        var (_, writer) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = await writer.CreateDocumentAsync("partners", "To be forged");
        await writer.CreateDocumentAsync("partners", "Written after it");
        var entry = (await EntriesAsync("Document", id)).Single();

        // Someone with database access drops the triggers and edits an entry: verification must name it.
        // All of it happens in a transaction that is rolled back, so the shared database stays intact.
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var dropTriggers = Provider == TestProvider.Postgres
                ? "DROP TRIGGER audit_entries_no_change ON \"AuditEntries\"; DROP TRIGGER audit_entries_no_truncate ON \"AuditEntries\";"
                : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;";
            foreach (var sql in dropTriggers.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                await db.Database.ExecuteSqlRawAsync(sql);
            const string forged = "{\"Title\":\"Forged\"}";
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Details\" = {forged} WHERE \"Id\" = {entry.Id}"));

            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Equal(entry.Id, result.BrokenAtId);
            await tx.RollbackAsync();
            return 0;
        });

        var restored = await App.WithDbAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(restored.Intact, restored.Problem);
        await AssertRefusedAsync($"UPDATE \"AuditEntries\" SET \"Details\" = NULL WHERE \"Id\" = {entry.Id}");
    }

    private Task<List<AuditEntry>> EntriesAsync(string entityType, Guid id) => App.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == id.ToString("D")).OrderBy(a => a.Id).ToListAsync());

    private async Task AssertRefusedAsync(string sql)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Contains("append-only", error.Message);
    }
}
