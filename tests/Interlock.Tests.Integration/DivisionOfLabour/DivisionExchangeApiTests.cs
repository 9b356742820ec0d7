using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Interlock.Tests.Integration.ExchangeTestHelpers;
using static Interlock.Tests.Integration.DivisionOfLabour.DivisionTestHelpers;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>The 3W engagements file and the needs file through the API: round trip, all or nothing, rejections by line, access.</summary>
public abstract class DivisionExchangeApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DivisionExchangeApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DivisionExchangeApiTests(f), IClassFixture<PostgresFixture>;

    private const string EngagementHead = "Organization,Area,Activity,Form,Role,Country,First-level area,Start,End,Status,Mandate kind,Mandate,Situation\r\n" +
        "#org+code,#sector,#activity,#activity+form,#org+role,#country+code,#adm1+name,#date+start,#date+end,#status,#meta+mandate+kind,#meta+mandate,#crisis+name\r\n";

    private const string NeedHead = "Situation,Area,Priority,Country,First-level area,Start,End,Needed within,Notes\r\n" +
        "#crisis+name,#sector,#severity,#country+code,#adm1+name,#date+start,#date+end,#indicator+days+needed,#description\r\n";

    [Fact]
    public async Task Imported_files_export_again_and_importing_the_export_changes_nothing()
    {
        var code = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(code, Role.Contributor);
        var title = $"Situation {Guid.NewGuid():N}";
        await App.CreateSituationAsync(title, "LBR");

        var needs = NeedHead + $"{title},peacekeeping,critical,LBR,,2003-08-04,,30,\"Stabilize; the ceasefire of 17 June 2003\"\r\n" +
                    $"{title},ddr,high,LBR,Lofa,2003-10-01,2004-12-31,,\r\n";
        Assert.Equal((2, 0, 0), await writer.ImportOkAsync("needs", needs));
        var engagements = EngagementHead +
            $"{code},peacekeeping,\"Mission, vanguard\",operationalSupport,lead,LBR,,2003-08-04,2003-09-30,active,securityCouncil,S/RES/1497 (2003),{title}\r\n" +
            $"{code},ddr,,coDeployment,support,lbr,Lofa,2003-10-01,,planned,,,{title}\r\n";
        Assert.Equal((2, 0, 0), await writer.ImportOkAsync("engagements", engagements));
        // The same file again matches every row by its natural key.
        Assert.Equal((0, 0, 2), await writer.ImportOkAsync("engagements", engagements));
        Assert.Equal((0, 0, 2), await writer.ImportOkAsync("needs", needs));

        foreach (var type in new[] { "engagements", "needs" })
        {
            var first = await writer.ExportCsvAsync(type);
            var mine = RowsWith(first, type == "engagements" ? code : title);
            Assert.Equal(2, mine.Count);
            var (created, updated, unchanged) = await writer.ImportOkAsync(type, Head(first) + string.Join("\r\n", mine) + "\r\n");
            Assert.Equal((0, 0, 2), (created, updated, unchanged));
            Assert.Equal(first, await writer.ExportCsvAsync(type));
        }

        // A changed row updates its record only.
        var export = await writer.ExportCsvAsync("engagements");
        var ddr = RowsWith(export, code).Single(r => r.Contains(",ddr,"));
        Assert.Equal((0, 1, 0), await writer.ImportOkAsync("engagements", Head(export) + ddr.Replace(",planned,", ",active,") + "\r\n"));
        Assert.Contains(",active,", RowsWith(await writer.ExportCsvAsync("engagements"), code).Single(r => r.Contains(",ddr,")));
    }

    [Fact]
    public async Task One_rejected_row_rejects_the_file_and_every_rejection_names_its_line_and_column()
    {
        var code = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(code, Role.Contributor);
        var title = $"Situation {Guid.NewGuid():N}";
        await App.CreateSituationAsync(title, "LBR");
        var csv = EngagementHead +
            $"{code},peacekeeping,fine,coDeployment,lead,LBR,,2003-08-04,,active,,,{title}\r\n" +
            $"{code},not-an-area,,coDeployment,lead,LBR,,2003-08-04,,active,,,{title}\r\n" +
            $"{code},mediation,,merger,boss,LBR,,04/08/2003,,active,,,{title}\r\n" +
            $"{code},mediation,,consultation,lead,GIN,,2003-08-04,2003-01-01,active,securityCouncil,,{title}\r\n" +
            $"NOSUCHORG,mediation,,consultation,lead,LBR,,2003-08-04,,active,,,No such situation\r\n";

        var rejections = await writer.ImportRejectedAsync("engagements", csv);

        Assert.Contains(rejections, r => r is { Line: 4, Column: "Area" } && r.Reason.Contains("not-an-area"));
        Assert.Contains(rejections, r => r is { Line: 5, Column: "Form" } && r.Reason.Contains("merger"));
        Assert.Contains(rejections, r => r is { Line: 5, Column: "Role" });
        Assert.Contains(rejections, r => r is { Line: 5, Column: "Start" });
        Assert.Contains(rejections, r => r is { Line: 6, Column: "End" });
        Assert.Contains(rejections, r => r is { Line: 6, Column: "Mandate" });
        Assert.Contains(rejections, r => r is { Line: 6, Column: "Country" } && r.Reason.Contains("country of the situation"));
        Assert.Contains(rejections, r => r is { Line: 7, Column: "Organization" } && r.Reason.Contains("NOSUCHORG"));
        Assert.Equal([4, 5, 6, 7], rejections.Select(r => r.Line).Distinct().Order());
        var orgId = await App.OrganizationIdAsync(code);
        Assert.False(await App.WithDbAsync(db => db.Engagements.AnyAsync(e => e.OrganizationId == orgId)));

        var needs = await writer.ImportRejectedAsync("needs", NeedHead + "Nowhere,peacekeeping,critical,LBR,,2003-08-04,,,\r\n" +
            $"{title},peacekeeping,urgent,SLE,,2003-08-04,,-5,\r\n");
        Assert.Contains(needs, r => r is { Line: 3, Column: "Situation" } && r.Reason.Contains("Nowhere"));
        Assert.Contains(needs, r => r is { Line: 4, Column: "Priority" });

        var missing = await writer.ImportRejectedAsync("engagements", "Organization,Area\r\n#org+code,#sector\r\nUN,mediation\r\n");
        Assert.Contains(missing, r => r is { Line: 2, Column: "Status" });
    }

    [Fact]
    public async Task Imports_follow_the_write_rule_and_exports_the_read_rule()
    {
        var code = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(code, Role.Contributor);
        var (_, reader) = await App.ApiUserAsync(code, Role.Reader);
        var (_, readOnly) = await App.ApiUserAsync(code, Role.Contributor, TokenScope.Read);
        var (_, other) = await App.ApiUserAsync("AU", Role.Contributor);
        var title = $"Situation {Guid.NewGuid():N}";
        await App.CreateSituationAsync(title, "LBR");
        var row = $"{code},peacekeeping,kept close,coDeployment,lead,LBR,,2003-08-04,,active,,,{title}\r\n";
        var confidential = EngagementHead.Replace(",Situation\r\n", ",Situation,Classification\r\n").Replace(",#crisis+name\r\n", ",#crisis+name,#meta+classification\r\n") +
                           row.Replace("\r\n", ",confidential\r\n");

        await (await App.Client().ImportCsvAsync("engagements", confidential)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await readOnly.ImportCsvAsync("engagements", confidential)).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains(await reader.ImportRejectedAsync("engagements", confidential), r => r.Reason.Contains("Reader role"));
        // Another organization's user may not record what this organization keeps.
        var kept = EngagementHead.Replace(",Situation\r\n", ",Situation,Reported by\r\n").Replace(",#crisis+name\r\n", ",#crisis+name,#org+code+reporting\r\n") +
                   row.Replace("\r\n", $",{code}\r\n");
        Assert.Contains(await other.ImportRejectedAsync("engagements", kept), r => r.Reason.Contains("owning organization"));

        Assert.Equal((1, 0, 0), await writer.ImportOkAsync("engagements", confidential));
        Assert.Single(RowsWith(await writer.ExportCsvAsync("engagements"), "kept close"));
        Assert.Empty(RowsWith(await other.ExportCsvAsync("engagements"), "kept close"));
        Assert.Empty(RowsWith(await App.Client().ExportCsvAsync("engagements"), "kept close"));
        // Re-importing what the other organization exported writes nothing and needs no permission.
        var theirs = await other.ExportCsvAsync("engagements");
        var body = await (await other.ImportCsvAsync("engagements", theirs)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, body["created"]!.GetValue<int>() + body["updated"]!.GetValue<int>());
        // The export of a confidential record is logged as a read.
        var id = await App.WithDbAsync(db => db.Engagements.Where(e => e.Activity == "kept close").Select(e => e.Id).SingleAsync());
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString("D") && a.Action == Interlock.Audit.AuditActions.Read)));
    }
}
