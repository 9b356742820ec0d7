using Interlock.EarlyWarning.Risk;
using Interlock.Tests.Integration.Cli;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.Alerts;

/// <summary><c>interlock alerts evaluate</c> runs the same evaluation as the web nodes, on both databases.</summary>
public sealed class AlertCliTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    [Theory, MemberData(nameof(Providers))]
    public async Task Evaluate_raises_this_months_risk_rise_once(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using (var db = database.Open())
        {
            db.CountryRisks.Add(new CountryRisk { CountryIso3 = "SDN", Month = month, Level = RiskLevel.Alert, ComputedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var first = await database.RunAsync("alerts", "evaluate");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("alerts raised: 1;", first.Out);
        var again = await database.RunAsync("alerts", "evaluate");
        Assert.Contains("alerts raised: 0;", again.Out);
        await using (var db = database.Open())
            Assert.Equal(1, await db.Alerts.CountAsync(a => a.CountryIso3 == "SDN"));
    }
}
