using Interlock.EarlyWarning.Situations;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary><c>interlock import engagements|needs</c> and <c>interlock export engagements|needs</c> against real databases.</summary>
public sealed class CliDivisionExchangeTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    [Theory, MemberData(nameof(Providers))]
    public async Task Files_import_export_and_import_again_unchanged_and_a_bad_file_lists_its_rejected_lines(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await databases.SeededAsync(provider);
        var add = await database.RunAsync("user", "add", "desk", "--org", "UN", "--role", "Contributor");
        Assert.True(add.ExitCode == 0, add.ToString());
        await using (var db = database.Open())
        {
            var un = await db.Organizations.Where(o => o.Code == "UN").Select(o => o.Id).SingleAsync(ct);
            db.Situations.Add(new Situation { Title = "Liberia", CountryIso3 = "LBR", OwnerOrganizationId = un, Classification = Classification.Partners });
            await db.SaveChangesAsync(ct);
        }
        var file = Path.Combine(Path.GetTempPath(), $"division-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, "Situation,Area,Priority,Country,Start\n#crisis+name,#sector,#severity,#country+code,#date+start\n" +
                                               "Liberia,peacekeeping,critical,LBR,2003-08-04\n", ct);
            var needs = await database.RunAsync("import", "needs", file, "--as", "desk");
            Assert.True(needs.ExitCode == 0, needs.ToString());
            Assert.Contains("created 1, updated 0, unchanged 0", needs.Out);

            await File.WriteAllTextAsync(file, "Organization,Area,Form,Role,Country,Start,Status,Mandate kind,Mandate,Situation\n" +
                                               "#org+code,#sector,#activity+form,#org+role,#country+code,#date+start,#status,#meta+mandate+kind,#meta+mandate,#crisis+name\n" +
                                               "UN,peacekeeping,operationalSupport,lead,LBR,2003-10-01,planned,securityCouncil,S/RES/1509 (2003),Liberia\n", ct);
            var engagements = await database.RunAsync("import", "engagements", file, "--as", "desk");
            Assert.True(engagements.ExitCode == 0, engagements.ToString());

            var export = await database.RunAsync("export", "engagements", "--out", file, "--as", "desk");
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains("S/RES/1509 (2003)", await File.ReadAllTextAsync(file, ct));
            var again = await database.RunAsync("import", "engagements", file, "--as", "desk");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("created 0, updated 0, unchanged 1", again.Out);

            // Partners records are not public: an export without --as has the header rows only.
            var anonymous = await database.RunAsync("export", "needs");
            Assert.True(anonymous.ExitCode == 0, anonymous.ToString());
            Assert.DoesNotContain("peacekeeping", anonymous.Out);

            await File.WriteAllTextAsync(file, "Organization,Area,Form,Role,Country,Start,Status\n" +
                                               "#org+code,#sector,#activity+form,#org+role,#country+code,#date+start,#status\n" +
                                               "UN,peacekeeping,coDeployment,lead,LBR,2003-10-02,active\nUN,nowhere,coDeployment,lead,LBR,2003-10-02,active\n", ct);
            var bad = await database.RunAsync("import", "engagements", file, "--as", "desk");
            Assert.True(bad.ExitCode == 2, bad.ToString());
            Assert.Contains("line 4, Area", bad.Err);
            await using (var db = database.Open())
                Assert.Equal(1, await db.Engagements.CountAsync(ct));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
