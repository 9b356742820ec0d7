using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;
using Interlock.Tests.Integration.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Interlock.Tests.Integration.EarlyWarning.EventFixtures;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>Indicators and risk levels from the real shipped data, on SQLite and PostgreSQL: hand-checked months, incremental equals full.</summary>
public sealed class RiskRecomputeTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    public static TheoryData<string> Providers => EventFixtures.Providers;

    private static async Task LoadViewsAsync(InterlockDbContext db)
    {
        await using var series = ShippedEventData.Open(ShippedEventData.SeriesFile);
        await ReferenceSeries.LoadAsync(db, EventDatasets.ViewsGedSb, ReferenceSeries.ReadCsv(series, "series"), "series", Ct);
    }

    /// <summary>Every derived value and reason (computed as read) and risk row, without the time they were computed.</summary>
    private static async Task<string> RiskSnapshotAsync(InterlockDbContext db)
    {
        var risks = await db.CountryRisks.AsNoTracking().OrderBy(r => r.CountryIso3).ThenBy(r => r.Month).ToListAsync(Ct);
        var reasons = await RiskExplanations.ReadAsync(db, risks.Select(r => (r.CountryIso3, r.Month)), Ct);
        return JsonSerializer.Serialize(new
        {
            values = (await DerivedIndicatorValues.ReadAsync(db, null, null, null, Ct))
                .Select(v => new { v.CountryIso3, v.Month, v.IndicatorCode, v.Value, v.Level, v.Reason, v.Classification }),
            risks = risks.Select(r => new { r.CountryIso3, r.Month, r.Level, Reasons = RiskExplanations.ReasonsFor(r, reasons) }),
        });
    }

    private static async Task<List<string>> ReasonsAsync(InterlockDbContext db, CountryRisk stored)
    {
        var read = await RiskExplanations.ReadAsync(db, stored.CountryIso3, stored.Month, stored.Month, Ct);
        Assert.Equal(stored.Level, read[(stored.CountryIso3, stored.Month)].Level);
        return read[(stored.CountryIso3, stored.Month)].Reasons;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_real_data_gives_the_levels_checked_by_hand(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        await LoadViewsAsync(db);
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText())).Succeeded);

        // CAR, December 2022 (UCDP GED 23.1): 75 state-based, 0 non-state, 4 one-sided deaths = 79 organized violence;
        // the three months before had 12, 31 and 10 organized-violence deaths (mean 17.67): 79 / 17.67 = 4.47, at Alert (3),
        // with fatalities at Warning: escalation raises the level to Alert.
        var dec = await db.CountryRisks.SingleAsync(r => r.CountryIso3 == "CAF" && r.Month == new DateOnly(2022, 12, 1), Ct);
        var values = (await DerivedIndicatorValues.ReadAsync(db, "CAF", new DateOnly(2022, 12, 1), new DateOnly(2022, 12, 1), Ct))
            .ToDictionary(v => v.IndicatorCode);
        Assert.Equal((75d, RiskLevel.Warning), (values["sb-fatalities"].Value, values["sb-fatalities"].Level));
        Assert.Equal((79d, RiskLevel.Watch), (values["ov-fatalities"].Value, values["ov-fatalities"].Level));
        Assert.Equal((4.47, RiskLevel.Alert), (values["change-3m"].Value, values["change-3m"].Level));
        Assert.All(values.Values, v => Assert.Equal(Classification.Public, v.Classification));
        Assert.Equal(RiskLevel.Alert, dec.Level);
        var reasons = await ReasonsAsync(db, dec);
        Assert.Contains(reasons, s => s.StartsWith("State-based violence fatalities 75 in 2022-12, at or above the Warning threshold of 50", StringComparison.Ordinal));
        Assert.Contains(reasons, s => s.StartsWith("Escalation (change against the previous 3 months): 79 organized-violence deaths in 2022-12, 4.47 times", StringComparison.Ordinal)
                                          && s.EndsWith("from Warning to Alert.", StringComparison.Ordinal));

        // April 2024: GED 23.1 ends in 2022, so VIEWS' state-based series feeds the month: 10 deaths, Watch.
        var apr = await db.CountryRisks.SingleAsync(r => r.CountryIso3 == "CAF" && r.Month == new DateOnly(2024, 4, 1), Ct);
        Assert.Equal(RiskLevel.Watch, apr.Level);
        Assert.Contains("VIEWS", (await DerivedIndicatorValues.ReadAsync(db, "CAF", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 1), Ct))
            .Single(v => v.IndicatorCode == "sb-fatalities").Reason);
        // Every country of the VIEWS series has a level for every month 2018-01..2024-04 (76 months).
        Assert.Equal(76, await db.CountryRisks.CountAsync(r => r.CountryIso3 == "NER", Ct));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Incremental_recompute_after_imports_equals_a_full_recompute(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        await LoadViewsAsync(db);
        var text = RealGedText();
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, text)).Succeeded);
        // A newer release adds a deadly Chad event (a new country for the dataset: all its months change series).
        var lines = text.Split('\n');
        var header = lines[0].Split(',');
        var newer = string.Join('\n', lines.Take(lines.Length - 1)) + "\n" +
                    string.Join(',', header.Select(h => h switch
                    {
                        "id" => "999000001", "type_of_violence" => "1", "country_id" => "483", "country" => "Chad", "date_start" => "2020-05-03",
                        "date_end" => "2020-05-03", "best" => "400", "low" => "400", "high" => "400", "year" => "2020", _ => "",
                    })) + "\n";
        var result = await ImportAsync(db, EventDatasets.UcdpGed, newer, "newer.csv");
        Assert.True(result.Succeeded, string.Join("; ", result.Rejections));
        var chad = await db.CountryRisks.SingleAsync(r => r.CountryIso3 == "TCD" && r.Month == new DateOnly(2020, 5, 1), Ct);
        Assert.Equal(RiskLevel.Alert, chad.Level);
        // Spillover reached CAR, Chad's neighbour, in the same import.
        Assert.True((await DerivedIndicatorValues.ReadAsync(db, "CAF", new DateOnly(2020, 5, 1), new DateOnly(2020, 5, 1), Ct))
            .Single(v => v.IndicatorCode == "spillover").Value >= 400);

        var incremental = await RiskSnapshotAsync(db);
        db.ChangeTracker.Clear();
        var full = await RiskRecompute.RecomputeAllAsync(db, Ct);
        Assert.True(full.Full);
        Assert.Equal(incremental, await RiskSnapshotAsync(db));
        // The full recompute found every level as stored: it wrote none, and each keeps the time it was set.
        Assert.Equal(0, full.LevelsWritten);
        Assert.Equal(chad.ComputedAt, (await db.CountryRisks.AsNoTracking().SingleAsync(r => r.CountryIso3 == "TCD" && r.Month == chad.Month, Ct)).ComputedAt);

        // A level gone wrong, one that should not be there and one missing: the full recompute writes those three back.
        var december = await db.CountryRisks.SingleAsync(r => r.CountryIso3 == "CAF" && r.Month == new DateOnly(2022, 12, 1), Ct);
        var was = december.Level;
        december.Level = RiskLevel.Low;
        db.CountryRisks.Add(new CountryRisk { CountryIso3 = "CAF", Month = new DateOnly(1950, 1, 1), Level = RiskLevel.Alert, ComputedAt = chad.ComputedAt });
        db.CountryRisks.Remove(await db.CountryRisks.SingleAsync(r => r.CountryIso3 == "TCD" && r.Month == chad.Month, Ct));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        full = await RiskRecompute.RecomputeAllAsync(db, Ct);
        Assert.Equal(3, full.LevelsWritten);
        Assert.Equal(incremental, await RiskSnapshotAsync(db));
        var corrected = await db.CountryRisks.AsNoTracking().SingleAsync(r => r.CountryIso3 == "CAF" && r.Month == new DateOnly(2022, 12, 1), Ct);
        Assert.Equal(was, corrected.Level);
        Assert.True(corrected.ComputedAt > december.ComputedAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_public_reported_value_at_Alert_raises_the_level_through_the_incremental_recompute(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        await LoadViewsAsync(db);
        var month = new DateOnly(2024, 3, 1);
        Assert.Equal(RiskLevel.Low, (await db.CountryRisks.AsNoTracking().SingleAsync(r => r.CountryIso3 == "SEN" && r.Month == month, Ct)).Level);

        // What the observations module does: store the reported value, then recompute the touched country-month.
        var au = await db.Organizations.Where(o => o.Code == "AU").Select(o => o.Id).SingleAsync(Ct);
        db.IndicatorValues.Add(new IndicatorValue
        {
            IndicatorCode = "unconstitutional-change", CountryIso3 = "SEN", Month = month, Value = 1, Level = RiskLevel.Alert,
            ObservationId = Guid.NewGuid(), OwnerOrganizationId = au, Classification = Classification.Public, ComputedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        var result = await RiskRecompute.RecomputeAsync(db, [("SEN", month)], Ct);

        Assert.False(result.Full);
        var risk = await db.CountryRisks.AsNoTracking().SingleAsync(r => r.CountryIso3 == "SEN" && r.Month == month, Ct);
        Assert.Equal(RiskLevel.Warning, risk.Level);
        Assert.Contains("Unconstitutional change of government (reported) 1 in 2024-03, at or above the Alert threshold of 1: at least Warning.", await ReasonsAsync(db, risk));
        // The reported value itself is kept (the recompute writes risk levels only).
        Assert.Equal(1, await db.IndicatorValues.CountAsync(v => v.IndicatorCode == "unconstitutional-change", Ct));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reasons_are_written_when_read_and_explain_every_stored_level(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        await LoadViewsAsync(db);
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText())).Succeeded);

        var stored = await db.CountryRisks.AsNoTracking().ToListAsync(Ct);
        Assert.True(stored.Count > 10_000, $"{stored.Count} levels");
        var read = await RiskExplanations.ReadAsync(db, stored.Select(r => (r.CountryIso3, r.Month)), Ct);
        // The same rules on the same figures: the level the reasons explain is the stored one, for every country-month.
        Assert.All(stored, r => Assert.Equal(r.Level, read[(r.CountryIso3, r.Month)].Level));
        Assert.All(read.Values, a => Assert.NotEmpty(a.Reasons));
        Assert.Contains(read.Values, a => a.Level == RiskLevel.Alert);

        // The latest month of every country (the map's table) reads a window of months and gives the same reasons.
        var latest = stored.GroupBy(r => r.CountryIso3).Select(g => g.MaxBy(r => r.Month)!).ToList();
        var window = await RiskExplanations.ReadAsync(db, latest.Select(r => (r.CountryIso3, r.Month)), Ct);
        Assert.Equal(latest.Count, window.Count);
        Assert.All(latest, r => Assert.Equal(read[(r.CountryIso3, r.Month)].Reasons, window[(r.CountryIso3, r.Month)].Reasons));
        // And so does a window inside the years GED covers.
        var car = stored.Where(r => r.CountryIso3 == "CAF" && r.Month.Year == 2021).ToList();
        var carWindow = await RiskExplanations.ReadAsync(db, car.Select(r => (r.CountryIso3, r.Month)), Ct);
        Assert.All(car, r => Assert.Equal(read[("CAF", r.Month)].Reasons, carWindow[("CAF", r.Month)].Reasons));

        // A level whose figures changed since it was stored says so instead of explaining a level they do not give.
        var month = read.First(kv => kv.Key.Iso3 == "CAF" && kv.Value.Level > RiskLevel.Low).Key.Month;
        var stale = new CountryRisk { CountryIso3 = "CAF", Month = month, Level = RiskLevel.Low };
        Assert.StartsWith("The stored level Low was computed from earlier figures", RiskExplanations.ReasonsFor(stale, read)[0], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Derived_values_are_computed_when_read_not_stored_and_one_country_reads_as_in_the_whole(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        await LoadViewsAsync(db);
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText())).Succeeded);

        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => DerivedIndicators.Codes.Contains(v.IndicatorCode), Ct));
        var all = await DerivedIndicatorValues.ReadAsync(db, null, null, null, Ct);
        // Chad borders CAR: its spillover reads CAR's figures, so reading Chad alone must read its neighbours too.
        foreach (var iso3 in new[] { "CAF", "TCD" })
        {
            var alone = await DerivedIndicatorValues.ReadAsync(db, iso3, new DateOnly(2015, 1, 1), new DateOnly(2022, 12, 1), Ct);
            var inWhole = all.Where(v => v.CountryIso3 == iso3 && v.Month >= new DateOnly(2015, 1, 1) && v.Month <= new DateOnly(2022, 12, 1)).ToList();
            Assert.NotEmpty(alone);
            Assert.Equal(inWhole.Select(v => (v.Month, v.IndicatorCode, v.Value, v.Level, v.Reason)), alone.Select(v => (v.Month, v.IndicatorCode, v.Value, v.Level, v.Reason)));
        }
        Assert.Contains(all, v => v.CountryIso3 == "TCD" && v.IndicatorCode == "spillover" && v.Value > 0);
        Assert.All(all, v => Assert.Equal(Classification.Public, v.Classification));
    }
}
