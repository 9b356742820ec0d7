using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.ExchangeTestHelpers;

namespace Interlock.Tests.Integration;

/// <summary>The registry's HXL CSV import and export through the API: round trip, all or nothing, rejections by line, access.</summary>
public abstract class ExchangeApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : ExchangeApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : ExchangeApiTests(f), IClassFixture<PostgresFixture>;

    private static readonly DateOnly Verified = new(2024, 6, 1);

    /// <summary>An organization with a member, a capability, a confidential liaison official and a focal point; returns its code and an OrgAdmin + FocalPoint.</summary>
    private async Task<(string Code, HttpClient Writer, Guid Liaison, Guid FocalPoint)> OrganizationWithRecordsAsync()
    {
        var code = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(code, Role.OrgAdmin | Role.FocalPoint);
        var read = await writer.GetAsync($"/api/v1/organizations/{code}/members");
        await (await writer.PostJsonAsync($"/api/v1/organizations/{code}/members", new { iso3 = "MLI", joined = "1999", left = "2023-06-30", note = "Left, then rejoined" }))
            .ExpectAsync(HttpStatusCode.Created);
        await writer.CreateCapabilityAsync("mediation", 14, Verified, countries: ["MLI", "NER"], regions: ["011"]);
        var liaison = await writer.CreatePersonAsync("confidential", "Awa Diallo, \"the envoy\"", $"awa-{code}@example.org");
        await (await writer.AddRoleAsync(liaison, new { kind = "liaisonOfficial", start = "2021-02-01" })).ExpectAsync(HttpStatusCode.Created);
        var focal = await writer.CreatePersonAsync("partners", "Jean Dupré", $"jean-{code}@example.org");
        await writer.AddFocalPointAsync(focal, new DateOnly(2022, 1, 1), new DateOnly(2025, 1, 1));
        _ = read;
        return (code, writer, liaison, focal);
    }

    [Fact]
    public async Task Every_export_imported_again_changes_nothing_and_exports_the_same_file()
    {
        var (code, writer, _, _) = await OrganizationWithRecordsAsync();
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);

        foreach (var (type, client) in new[] { ("organizations", admin), ("memberships", admin), ("capabilities", writer), ("contacts", writer) })
        {
            var first = await client.ExportCsvAsync(type);
            Assert.NotEmpty(RowsWith(first, code));
            var (created, updated, unchanged) = await client.ImportOkAsync(type, first);
            Assert.True((created, updated) == (0, 0), $"{type}: created {created}, updated {updated}");
            Assert.Equal(first.TrimStart('\uFEFF').Split("\r\n").Length - 3, unchanged);
            Assert.Equal(first, await client.ExportCsvAsync(type));
        }
    }

    [Fact]
    public async Task Records_imported_from_an_export_come_back_the_same_and_a_changed_row_updates_only_its_record()
    {
        var (code, writer, liaison, focal) = await OrganizationWithRecordsAsync();
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);
        // A new organization made from the exported row of another: same fields, new code.
        var organizations = await admin.ExportCsvAsync("organizations");
        var copy = "C" + code[1..];
        var row = RowsWith(organizations, code).Single().Replace(code, copy);
        Assert.Equal((1, 0, 0), await admin.ImportOkAsync("organizations", Head(organizations) + row + "\r\n"));
        var original = OrganizationOf(await admin.GetJsonAsync($"/api/v1/organizations/{code}"))!;
        var imported = OrganizationOf(await admin.GetJsonAsync($"/api/v1/organizations/{copy}"))!;
        foreach (var field in new[] { "kind", "chapterViii", "headquartersIso3", "established", "predecessorCode" })
            Assert.Equal(original[field]?.ToJsonString(), imported[field]?.ToJsonString());

        var memberships = await admin.ExportCsvAsync("memberships");
        var member = RowsWith(memberships, code).Single().Replace(code, copy);
        Assert.Equal((1, 0, 0), await admin.ImportOkAsync("memberships", Head(memberships) + member + "\r\n"));
        var members = (await admin.GetJsonAsync($"/api/v1/organizations/{copy}/members"))["items"]!.AsArray();
        Assert.Equal(("MLI", "1999", "2023-06-30", "Left, then rejoined"),
            (members[0]!["iso3"].Str(), members[0]!["joined"].Str(), members[0]!["left"].Str(), members[0]!["note"].Str()));

        // The focal point's term ends later: one row updated, nothing else.
        var contacts = await writer.ExportCsvAsync("contacts");
        // Only the focal point's row changes: other tests' people in the shared database may have the same dates.
        var focalRow = RowsWith(contacts, focal.ToString()).Single();
        var changed = contacts.Replace(focalRow, focalRow.Replace("2025-01-01", "2025-07-01"));
        Assert.Equal((0, 1, RowsWith(contacts, "").Count - 1), await writer.ImportOkAsync("contacts", changed));
        var person = await writer.GetJsonAsync($"/api/v1/people/{focal}");
        Assert.Equal("2025-07-01", person["roles"]!.AsArray().Single()!["end"].Str());
        Assert.Equal("Awa Diallo, \"the envoy\"", (await writer.GetJsonAsync($"/api/v1/people/{liaison}"))["fullName"].Str());
    }

    [Fact]
    public async Task One_rejected_row_rejects_the_file_and_every_rejected_row_is_reported_by_line_and_column()
    {
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);
        var a = $"A{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var b = $"B{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        // A byte order mark and CRLF, as spreadsheet programs save; B's predecessor A is defined further down.
        var csv = "\uFEFFCode,Name (English),Name (French),Kind,Headquarters,Predecessor\r\n" +
                  "#org+code,#org+name+i_en,#org+name+i_fr,#org+type,#country+code+headquarters,#org+code+predecessor\r\n" +
                  $"{b},Bee,Abeille,subregionalOrganization,SEN,{a}\r\n" +
                  $"{a},Ay,A,notAKind,,\r\n" +
                  $"{a}X,Fine,Bien,regionalArrangement,XXX,\r\n" +
                  $"{a}Y,,Sans nom anglais,regionalArrangement,,\r\n";

        var rejections = await admin.ImportRejectedAsync("organizations", csv);

        Assert.Contains(rejections, r => r is { Line: 4, Column: "Kind" } && r.Reason.Contains("notAKind"));
        Assert.Contains(rejections, r => r is { Line: 5, Column: "Headquarters" } && r.Reason.Contains("XXX"));
        Assert.Contains(rejections, r => r is { Line: 6, Column: "Name (English)" });
        // B depends on the rejected A, so it is rejected too, on its predecessor column.
        Assert.Contains(rejections, r => r is { Line: 3, Column: "Predecessor" });
        Assert.Equal([3, 4, 5, 6], rejections.Select(r => r.Line).Distinct().Order());
        foreach (var code in new[] { a, b, a + "X", a + "Y" })
            await (await App.Client().GetAsync($"/api/v1/organizations/{code}")).ExpectAsync(HttpStatusCode.NotFound);

        var missing = await admin.ImportRejectedAsync("memberships", "Organization,Joined\r\n#org+code,#date+start\r\nAU,2001\r\n");
        Assert.Equal((2, "Country"), (missing.Single().Line, missing.Single().Column));
    }

    [Fact]
    public async Task Columns_are_found_by_hashtag_in_any_order_and_a_multipart_upload_is_accepted()
    {
        var code = await App.NewOrganizationAsync();
        var (_, orgAdmin) = await App.ApiUserAsync(code, Role.OrgAdmin);
        var csv = "Quitté,Adhésion,Pays,Organisation\n#date+end,#date+start,#country+code,#org+code\n,2002-07-09,NER," + code + "\n,,BFA," + code + "\n";

        Assert.Equal((2, 0, 0), await orgAdmin.ImportOkAsync("memberships", csv, multipart: true));
        Assert.Equal((0, 0, 2), await orgAdmin.ImportOkAsync("memberships", csv, multipart: true));
        var members = (await orgAdmin.GetJsonAsync($"/api/v1/organizations/{code}/members"))["items"]!.AsArray();
        Assert.Equal(["BFA:", "NER:2002-07-09"], members.Select(m => $"{m!["iso3"].Str()}:{m["joined"].Str()}").Order());

        // Overlapping periods of the same state are refused as the API refuses them, on the join date's column.
        var overlap = await orgAdmin.ImportRejectedAsync("memberships", $"Organisation,Pays,Adhésion\n#org+code,#country+code,#date+start\n{code},NER,2010\n");
        Assert.Equal((3, "Adhésion"), (overlap.Single().Line, overlap.Single().Column));
    }

    [Fact]
    public async Task A_user_of_another_organization_cannot_import_over_records_they_may_not_change()
    {
        var (code, writer, liaison, _) = await OrganizationWithRecordsAsync();
        var (_, other) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin | Role.FocalPoint);
        var (_, admin) = await App.ApiUserAsync("UN", Role.Administrator);

        var organizations = await admin.ExportCsvAsync("organizations");
        var renamed = Head(organizations) + RowsWith(organizations, code).Single().Replace($"Test organization {code}", "Taken over") + "\r\n";
        var refused = await other.ImportRejectedAsync("organizations", renamed);
        Assert.Equal((3, "Code"), (refused.Single().Line, refused.Single().Column));
        Assert.Contains("You may not change " + code, refused.Single().Reason);

        var memberships = await other.ImportRejectedAsync("memberships", $"Organization,Country,Joined\n#org+code,#country+code,#date+start\n{code},SEN,2020\n");
        Assert.Equal((3, "Organization"), (memberships.Single().Line, memberships.Single().Column));

        var capabilities = await writer.ExportCsvAsync("capabilities");
        var capability = RowsWith(capabilities, code).Single();
        var taken = await other.ImportRejectedAsync("capabilities", Head(capabilities) + capability.Replace("mediation capability", "hijacked") + "\r\n");
        Assert.Equal(3, taken.Single().Line);

        // Another organization's person by id, renamed: refused; the same row unchanged is harmless.
        var contacts = await writer.ExportCsvAsync("contacts");
        var awa = RowsWith(contacts, liaison.ToString()).Single();
        Assert.Equal(3, (await other.ImportRejectedAsync("contacts", Head(contacts) + awa.Replace("Awa Diallo", "Someone else") + "\r\n")).Single().Line);
        var (_, reader) = await App.ApiUserAsync(code, Role.Reader);
        var readerTry = await reader.ImportRejectedAsync("contacts", Head(contacts) + awa.Replace("Awa Diallo", "Awa Diallo-Sy") + "\r\n");
        Assert.Contains("Reader", readerTry.Single().Reason);

        Assert.Equal($"Test organization {code}", OrganizationOf(await admin.GetJsonAsync($"/api/v1/organizations/{code}"))!["nameEn"].Str());
        Assert.Equal("Awa Diallo, \"the envoy\"", (await writer.GetJsonAsync($"/api/v1/people/{liaison}"))["fullName"].Str());
        Assert.Single((await admin.GetJsonAsync($"/api/v1/organizations/{code}/members"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Contacts_are_exported_only_to_focal_points_and_higher_and_only_the_people_they_may_read()
    {
        var (code, writer, liaison, focal) = await OrganizationWithRecordsAsync();
        using var anonymous = App.Client();
        await (await anonymous.GetAsync("/api/v1/exchange/contacts.csv")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.ImportCsvAsync("contacts", "Name\n#contact+name\nX\n")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.ImportCsvAsync("organizations", "Code\n#org+code\nX\n")).ExpectAsync(HttpStatusCode.Unauthorized);
        var (_, reader) = await App.ApiUserAsync(code, Role.Reader | Role.Contributor);
        await (await reader.GetAsync("/api/v1/exchange/contacts.csv")).ExpectAsync(HttpStatusCode.Forbidden);

        var (_, other) = await App.ApiUserAsync("ECOWAS", Role.FocalPoint);
        var theirs = await other.ExportCsvAsync("contacts");
        Assert.Empty(RowsWith(theirs, liaison.ToString()));
        Assert.Single(RowsWith(theirs, focal.ToString()));
        var own = await writer.ExportCsvAsync("contacts");
        Assert.Single(RowsWith(own, liaison.ToString()));

        // Public organizations, memberships and capabilities export to anyone; the partners-only capability does not.
        Assert.NotEmpty(RowsWith(await anonymous.ExportCsvAsync("organizations"), code));
        Assert.Empty(RowsWith(await anonymous.ExportCsvAsync("capabilities"), code));
        Assert.Single(RowsWith(await other.ExportCsvAsync("capabilities"), code));
    }

    [Fact]
    public async Task Imported_liaison_terms_end_each_other_in_date_order_and_people_are_found_again_by_email()
    {
        var code = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(code, Role.Contributor | Role.FocalPoint);
        var csv = "Organization,Name,Email,Languages,Role,Purpose,Start,End\n" +
                  "#org+code,#contact+name,#contact+email,#contact+languages,#contact+role,#contact+purpose,#date+start,#date+end\n" +
                  $"{code},Ngozi Okafor,ngozi-{code}@example.org,en; ha,liaisonOfficial,,2024-03-01,\n" +
                  $"{code},Pierre Martin,pierre-{code}@example.org,fr,liaisonOfficial,,2019-01-15,\n" +
                  $"{code},Pierre Martin,pierre-{code}@example.org,fr,focalPoint,earlyWarning,2019-01-15,\n";

        Assert.Equal((3, 0, 0), await writer.ImportOkAsync("contacts", csv));
        Assert.Equal((0, 0, 3), await writer.ImportOkAsync("contacts", csv));

        var current = await writer.GetJsonAsync($"/api/v1/organizations/{code}/liaison");
        Assert.Equal("Ngozi Okafor", current["fullName"].Str());
        var pierre = (await writer.GetJsonAsync($"/api/v1/people?organization={code}&q=Pierre"))["items"]!.AsArray().Single()!;
        var terms = pierre["roles"]!.AsArray();
        Assert.Equal("2024-03-01", terms.Single(r => r!["kind"].Str() == "liaisonOfficial")!["end"].Str());
        Assert.Equal(2, terms.Count);

        var bad = csv.Replace("earlyWarning", "gossip").Replace("2019-01-15,\n", "15/01/2019,\n");
        var rejections = await writer.ImportRejectedAsync("contacts", bad);
        Assert.Contains(rejections, r => r is { Line: 5, Column: "Purpose" });
        Assert.Contains(rejections, r => r is { Line: 4, Column: "Start" });
    }
}
