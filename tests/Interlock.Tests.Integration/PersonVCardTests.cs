using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.RegistryTestHelpers;

namespace Interlock.Tests.Integration;

/// <summary>vCard export: only FocalPoint, Analyst, OrgAdmin and Administrator export, and only the people they may read.</summary>
public abstract class PersonVCardTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : PersonVCardTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : PersonVCardTests(f), IClassFixture<PostgresFixture>;

    private static async Task<string> CardsAsync(HttpResponseMessage response)
    {
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_focal_point_list_contains_the_current_focal_points_the_caller_may_read()
    {
        var org = await App.NewOrganizationAsync();
        var other = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var today = App.Clock.Today;
        async Task<Guid> FocalPoint(string classification, string name, DateOnly? end = null)
        {
            var id = await writer.CreatePersonAsync(classification, name);
            await writer.AddFocalPointAsync(id, today.AddDays(-30), end);
            return id;
        }
        await FocalPoint("partners", "Abena Partners");
        await FocalPoint("confidential", "Bintou Confidential");
        await FocalPoint("strictlyConfidential", "Chidi Strict");
        await FocalPoint("partners", "Dede Former", today.AddDays(-1));
        var liaison = await writer.CreatePersonAsync("partners", "Efua Liaison");
        await (await writer.AddRoleAsync(liaison, new { kind = "liaisonOfficial", start = Day(today) })).ExpectAsync(HttpStatusCode.Created);

        // Own organization's focal point: every current focal point.
        var (_, ownFocal) = await App.ApiUserAsync(org, Role.FocalPoint);
        var own = await CardsAsync(await ownFocal.GetAsync($"/api/v1/organizations/{org}/focal-points.vcf"));
        Assert.Equal(3, own.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("FN:Abena Partners", own);
        Assert.Contains("FN:Bintou Confidential", own);
        Assert.Contains("FN:Chidi Strict", own);
        Assert.DoesNotContain("Dede Former", own);
        Assert.DoesNotContain("Efua Liaison", own);
        Assert.Contains("VERSION:4.0", own);
        Assert.Contains("NOTE:Focal point for early warning since", own);

        // Another organization's analyst, no agreement: the Partners-level one only.
        var (_, analyst) = await App.ApiUserAsync(other, Role.Analyst);
        var theirs = await CardsAsync(await analyst.GetAsync($"/api/v1/organizations/{org}/focal-points.vcf"));
        Assert.Equal(1, theirs.Split("BEGIN:VCARD").Length - 1);
        Assert.Contains("FN:Abena Partners", theirs);

        // With an agreement covering contacts, the confidential one too; the strictly confidential one never.
        await App.SharingAgreementAsync(org, other, today, null, ["registry.contact"]);
        var (_, analystAfter) = await App.ApiUserAsync(other, Role.Analyst);
        var shared = await CardsAsync(await analystAfter.GetAsync($"/api/v1/organizations/{org}/focal-points.vcf"));
        Assert.Contains("FN:Bintou Confidential", shared);
        Assert.DoesNotContain("Chidi Strict", shared);
    }

    [Fact]
    public async Task Only_FocalPoint_Analyst_OrgAdmin_and_Administrator_may_export()
    {
        var org = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var person = await writer.CreatePersonAsync("partners", "Fatou Exportable");
        await writer.AddFocalPointAsync(person, App.Clock.Today);

        foreach (var role in new[] { Role.Reader, Role.Contributor })
        {
            var (_, client) = await App.ApiUserAsync(org, role);
            await (await client.GetAsync($"/api/v1/people/{person}/vcard")).ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/organizations/{org}/focal-points.vcf")).ExpectAsync(HttpStatusCode.Forbidden);
            // They may still read the person as JSON: the restriction is on taking contacts out.
            await (await client.GetAsync($"/api/v1/people/{person}")).ExpectAsync(HttpStatusCode.OK);
        }
        foreach (var (code, role) in new[] { (org, Role.FocalPoint), (org, Role.Analyst), (org, Role.OrgAdmin), ("UN", Role.Administrator) })
        {
            var (_, client) = await App.ApiUserAsync(code, role);
            var card = await CardsAsync(await client.GetAsync($"/api/v1/people/{person}/vcard"));
            Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", card);
            Assert.Contains("FN:Fatou Exportable", card);
            Assert.Contains("EMAIL;TYPE=work:someone@example.org", card);
        }
        using var anonymous = App.Client();
        await (await anonymous.GetAsync($"/api/v1/people/{person}/vcard")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/organizations/{org}/focal-points.vcf")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unreadable_person_is_not_exported_and_every_export_is_audited()
    {
        var org = await App.NewOrganizationAsync();
        var other = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var hidden = await writer.CreatePersonAsync("confidential", "Hidden Person");
        var visible = await writer.CreatePersonAsync("partners", "Visible Person");
        var (_, focal) = await App.ApiUserAsync(other, Role.FocalPoint);
        await (await focal.GetAsync($"/api/v1/people/{hidden}/vcard")).ExpectAsync(HttpStatusCode.NotFound);
        await CardsAsync(await focal.GetAsync($"/api/v1/people/{visible}/vcard"));
        var exports = await App.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(e => e.EntityId == visible.ToString("D") || e.EntityId == hidden.ToString("D"))
            .Where(e => e.Details != null && e.Details.Contains("vcard"))
            .Select(e => e.EntityId).ToList()));
        Assert.Equal([visible.ToString("D")], exports);
    }
}
