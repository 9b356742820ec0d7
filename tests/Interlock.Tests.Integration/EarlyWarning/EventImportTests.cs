using System.Text;
using Interlock.EarlyWarning;
using Interlock.Tests.Integration.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Interlock.Tests.Integration.EarlyWarning.EventFixtures;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>The import on real SQLite files and PostgreSQL databases: the real GED file, idempotency, newer releases, series.</summary>
public sealed class EventImportTests(CliDatabases databases) : IClassFixture<CliDatabases>, IDisposable
{
    public static TheoryData<string> Providers => EventFixtures.Providers;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "interlock-events-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_CLI_imports_every_row_of_the_real_GED_file_and_its_country_months(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var path = WriteFile(_dir, "ucdp_ged_car_231.csv", RealGedText());
        // The file in the shared data folder, when present, is the same file.
        if (File.Exists("/work/shared/data/ucdp_ged_car_231.csv"))
            Assert.Equal(await File.ReadAllBytesAsync("/work/shared/data/ucdp_ged_car_231.csv", Ct), await File.ReadAllBytesAsync(path, Ct));

        var result = await database.RunAsync("import", "ucdp-ged", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("imported: 1848 rows (1848 inserted, 0 updated, 0 unchanged, 0 rejected)", result.Out);
        await using var db = database.Open();
        Assert.Equal(1848, await db.ConflictEvents.CountAsync(Ct));
        Assert.Equal(14948, await db.ConflictEvents.SumAsync(e => e.Best, Ct));
        Assert.Equal(1076, await db.ConflictEvents.CountAsync(e => e.ViolenceType == ViolenceType.OneSided, Ct));
        var months = await db.CountryMonths.Where(m => m.Series == EventDatasets.UcdpGed).ToListAsync(Ct);
        Assert.All(months, m => Assert.Equal("CAF", m.CountryIso3));
        Assert.Equal(14948, months.Sum(m => m.StateBased + m.NonState!.Value + m.OneSided!.Value + m.Other!.Value));
        Assert.Equal(1848, months.Sum(m => m.Events));
        Assert.Equal(months.Count, (await db.ImportBatches.SingleAsync(Ct)).CountryMonthsRecomputed);
        // Spread: Bangui province and others; never more areas than events.
        Assert.All(months, m => Assert.InRange(m.Admin1Areas!.Value, 0, m.Events!.Value));

        // The import is audited as one entry naming the file, the dataset and the counts.
        var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal(("ImportBatch", "1"), (audit.EntityType, audit.EntityId));
        Assert.Contains("\"file\":\"ucdp_ged_car_231.csv\"", audit.Details);
        Assert.Contains("\"dataset\":\"ucdp-ged\"", audit.Details);
        Assert.Contains("\"inserted\":1848", audit.Details);
        Assert.Contains("\"unchanged\":0", audit.Details);
        Assert.Equal("cli:" + Environment.UserName, audit.UserName);
        Assert.True((await Interlock.Audit.AuditVerifier.VerifyAsync(db, Ct)).Intact);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_GED_series_matches_VIEWS_state_based_fatalities_except_the_months_UCDP_revised(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText())).Succeeded);
        await using (var series = ShippedEventData.Open(ShippedEventData.SeriesFile))
            await ReferenceSeries.LoadAsync(db, EventDatasets.ViewsGedSb, ReferenceSeries.ReadCsv(series, "series"), "series", Ct);

        var ged = await db.CountryMonths.Where(m => m.Series == EventDatasets.UcdpGed && m.CountryIso3 == "CAF")
            .ToDictionaryAsync(m => m.Month, m => m.StateBased, Ct);
        var views = await db.CountryMonths.Where(m => m.Series == EventDatasets.ViewsGedSb && m.CountryIso3 == "CAF"
                                                      && m.Month <= new DateOnly(2021, 12, 1)).ToListAsync(Ct);
        Assert.Equal(48, views.Count);
        var differing = views.Where(v => ged.GetValueOrDefault(v.Month) != v.StateBased).Select(v => v.Month.ToString("yyyy-MM")).ToList();
        // data/events/SOURCES.md: equal in every month but July and September–December 2021, where the GED versions differ.
        Assert.Equal(["2021-07", "2021-09", "2021-10", "2021-11", "2021-12"], differing);
        Assert.All(views, v => Assert.Null(v.NonState));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reimporting_the_same_file_changes_no_event_and_no_country_month(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var path = WriteFile(_dir, "ged.csv", RealGedText());
        Assert.Equal(0, (await database.RunAsync("import", "ucdp-ged", path)).ExitCode);
        string events, months;
        await using (var db = database.Open())
        {
            events = await EventsOnlyAsync(db);
            months = await MonthsAsync(db);
        }

        var again = await database.RunAsync("import", "ucdp-ged", path);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("imported: 1848 rows (0 inserted, 0 updated, 1848 unchanged, 0 rejected)", again.Out);
        await using (var db = database.Open())
        {
            Assert.Equal(events, await EventsOnlyAsync(db));
            Assert.Equal(months, await MonthsAsync(db));
            var batch = await db.ImportBatches.OrderByDescending(b => b.Id).FirstAsync(Ct);
            Assert.Equal((2L, 0, 0, 1848, 0), (batch.Id, batch.Inserted, batch.Updated, batch.Unchanged, batch.CountryMonthsRecomputed));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_with_a_BOM_and_Windows_line_ends_loads_exactly_like_the_plain_file(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var text = RealGedText();
        Assert.Equal(0, (await database.RunAsync("import", "ucdp-ged", WriteFile(_dir, "plain.csv", text))).ExitCode);

        var windows = await database.RunAsync("import", "ucdp-ged", WriteFile(_dir, "windows.csv", text.Replace("\n", "\r\n"), bom: true));

        // Same events, field by field (line ends inside quoted fields are not stored): nothing to update.
        Assert.True(windows.ExitCode == 0, windows.ToString());
        Assert.Contains("(0 inserted, 0 updated, 1848 unchanged, 0 rejected)", windows.Out);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_newer_release_updates_changed_events_and_recomputes_only_the_months_it_touched(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        var v1 = string.Join("\n", GedHeader,
            "1,1,482,,Ouaka,2021-01-05,2021-01-05,12,10,15,6.25,21.2,Government of Central African Republic,CPC",
            "2,3,482,,Bangui,2021-01-20,2021-01-20,3,3,3,4.36,18.58,UPC,Civilians",
            "3,2,432,,Mopti,2021-02-01,2021-02-01,7,7,9,14.5,-4.2,JNIM,IS Sahel",
            "4,1,432,,Gao,2021-03-01,2021-03-01,1,1,1,16.2,-0.04,Government of Mali,JNIM", "");
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, v1, "v1.csv")).Succeeded);
        var mliMarch = await db.CountryMonths.AsNoTracking().SingleAsync(m => m.CountryIso3 == "MLI" && m.Month == new DateOnly(2021, 3, 1), Ct);

        // Release 2: event 1 revised (more deaths), event 2 re-dated into February, event 5 new; events 3 and 4 as before.
        var v2 = string.Join("\n", GedHeader,
            "1,1,482,,Ouaka,2021-01-05,2021-01-05,20,10,25,6.25,21.2,Government of Central African Republic,CPC",
            "2,3,482,,Bangui,2021-02-02,2021-02-02,3,3,3,4.36,18.58,UPC,Civilians",
            "3,2,432,,Mopti,2021-02-01,2021-02-01,7,7,9,14.5,-4.2,JNIM,IS Sahel",
            "4,1,432,,Gao,2021-03-01,2021-03-01,1,1,1,16.2,-0.04,Government of Mali,JNIM",
            "5,3,482,,Vakaga,2021-01-30,2021-01-30,4,4,4,9.9,22.8,FPRC,Civilians", "");
        db.ChangeTracker.Clear();
        var result = await ImportAsync(db, EventDatasets.UcdpGed, v2, "v2.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Rejections));
        Assert.Equal((1, 2, 2), (result.Inserted, result.Updated, result.Unchanged));
        // CAF January (events 1, 2 left, 5 entered) and CAF February (event 2 entered): not Mali's months.
        Assert.Equal(2, result.CountryMonthsRecomputed);
        var caf = await db.CountryMonths.AsNoTracking().Where(m => m.Series == EventDatasets.UcdpGed && m.CountryIso3 == "CAF")
            .OrderBy(m => m.Month).ToListAsync(Ct);
        Assert.Equal([(new DateOnly(2021, 1, 1), 20, 4, 2, 2), (new DateOnly(2021, 2, 1), 0, 3, 1, 1)],
            caf.Select(m => (m.Month, m.StateBased, m.OneSided!.Value, m.Events!.Value, m.Admin1Areas!.Value)));
        Assert.Equivalent(mliMarch, await db.CountryMonths.AsNoTracking().SingleAsync(m => m.CountryIso3 == "MLI" && m.Month == new DateOnly(2021, 3, 1), Ct));
        // Changed events name the batch that changed them; unchanged ones keep theirs.
        var batches = await db.ConflictEvents.AsNoTracking().OrderBy(e => e.SourceEventId).Select(e => e.ImportBatchId).ToListAsync(Ct);
        Assert.Equal([2L, 2, 1, 1, 2], batches);

        // The incremental result is what a full recompute gives: it finds nothing to write.
        var incremental = await MonthsAsync(db);
        db.ChangeTracker.Clear();
        var full = await CountryMonthSeries.RecomputeAllAsync(db, Ct);
        Assert.Equal(0, full.Written);
        Assert.Equal(incremental, await MonthsAsync(db));

        // A stored row that went wrong, one that should not be there and one missing: a full recompute writes those three back.
        var january = await db.CountryMonths.SingleAsync(m => m.Series == EventDatasets.UcdpGed && m.CountryIso3 == "CAF" && m.Month == new DateOnly(2021, 1, 1), Ct);
        january.Admin1Areas = 7;
        db.CountryMonths.Add(new CountryMonth { Series = EventDatasets.UcdpGed, CountryIso3 = "MLI", Month = new DateOnly(2020, 6, 1), StateBased = 5 });
        db.CountryMonths.Remove(await db.CountryMonths.SingleAsync(m => m.Series == EventDatasets.UcdpGed && m.CountryIso3 == "MLI" && m.Month == new DateOnly(2021, 3, 1), Ct));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        full = await CountryMonthSeries.RecomputeAllAsync(db, Ct);
        Assert.Equal(3, full.Written);
        Assert.Equal(incremental, await MonthsAsync(db));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_month_whose_only_event_moves_away_loses_its_row(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, string.Join("\n", GedHeader,
            "1,1,482,,Ouaka,2021-01-05,2021-01-05,12,10,15,6.25,21.2,Government of Central African Republic,CPC", ""), "v1.csv")).Succeeded);
        db.ChangeTracker.Clear();

        // The next release dates the event in February.
        var result = await ImportAsync(db, EventDatasets.UcdpGed, string.Join("\n", GedHeader,
            "1,1,482,,Ouaka,2021-02-05,2021-02-05,12,10,15,6.25,21.2,Government of Central African Republic,CPC", ""), "v2.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Rejections));
        Assert.Equal(2, result.CountryMonthsRecomputed);
        var months = await db.CountryMonths.AsNoTracking().Where(m => m.Series == EventDatasets.UcdpGed).ToListAsync(Ct);
        Assert.Equal([(new DateOnly(2021, 2, 1), 12, 1)], months.Select(m => (m.Month, m.StateBased, m.Events!.Value)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ACLED_exports_import_with_the_mapped_types_and_their_own_series(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();
        const string header = "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,iso,country,admin1,latitude,longitude,fatalities";
        var file = string.Join("\n", header,
            "NIG1,2023-05-01,Battles,Armed clash,Military Forces of Nigeria (2015-2023),1,Boko Haram,2,566,Nigeria,Borno,11.8,13.1,10",
            "NIG2,02 May 2023,Violence against civilians,Attack,Unidentified Armed Group (Nigeria),3,Civilians (Nigeria),7,566,Nigeria,Zamfara,12.1,6.2,4",
            "NIG3,2023-05-03,Explosions/Remote violence,Remote explosive,Boko Haram,2,Civilians (Nigeria),7,566,Nigeria,Borno,11.9,13.2,2",
            "NIG4,2023-05-04,Protests,Peaceful protest,Protesters (Nigeria),6,,0,566,Nigeria,Lagos,6.5,3.4,0",
            "NIG5,2023-05-05,Riots,Mob violence,Rioters (Nigeria),5,Civilians (Nigeria),7,566,Nigeria,Kano,12.0,8.5,1", "");

        var result = await ImportAsync(db, EventDatasets.Acled, file, "acled.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Rejections));
        Assert.Equal(5, result.Inserted);
        var month = await db.CountryMonths.AsNoTracking().SingleAsync(m => m.Series == EventDatasets.Acled, Ct);
        Assert.Equal(("NGA", new DateOnly(2023, 5, 1)), (month.CountryIso3, month.Month));
        Assert.Equal((10, 0, 6, 1, 5, 4), (month.StateBased, month.NonState!.Value, month.OneSided!.Value, month.Other!.Value, month.Events!.Value,
            month.Admin1Areas!.Value));
        Assert.Equal(["NIG1", "NIG2", "NIG3", "NIG4", "NIG5"], await db.ConflictEvents.Where(e => e.Dataset == EventDatasets.Acled)
            .OrderBy(e => e.SourceEventId).Select(e => e.SourceEventId).ToListAsync(Ct));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_shipped_data_loads_once_and_a_second_start_does_nothing(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        await using var db = database.Open();

        var first = await ShippedEventData.LoadAsync(db, Ct);
        var again = await ShippedEventData.LoadAsync(db, Ct);

        Assert.False(first.Skipped);
        Assert.Equal(1848, first.Events!.Inserted);
        Assert.Equal(191 * 76, first.Series!.Inserted);
        Assert.True(again.Skipped);
        Assert.Equal(1848, await db.ConflictEvents.CountAsync(Ct));
        Assert.Equal(191 * 76, await db.CountryMonths.CountAsync(m => m.Series == EventDatasets.ViewsGedSb, Ct));
        TestContext.Current.SendDiagnosticMessage($"{provider}: shipped data loaded in {first.Elapsed.TotalMilliseconds:0} ms, checked again in {again.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task On_SQLite_the_bulk_and_the_upsert_strategies_store_the_same_events_and_series()
    {
        var real = RealGedText();
        // A newer release: one event revised, one moved to another month and country, one new.
        var lines = real.Split('\n').ToList();
        var revised = lines.FindIndex(l => l.StartsWith("36210,", StringComparison.Ordinal));
        lines[revised] = lines[revised].Replace(",0,3,0,0,3,3,3,500,", ",0,9,0,0,9,9,9,500,");
        var moved = lines.FindIndex(l => l.StartsWith("33542,", StringComparison.Ordinal));
        lines[moved] = lines[moved].Replace("Central African Republic,482,Africa", "Chad,483,Africa").Replace("2009-09-08 00:00:00.000", "2010-01-08 00:00:00.000");
        lines.Insert(lines.Count - 1, lines[revised].Replace("36210,", "99999999,"));
        var release2 = string.Join('\n', lines);

        var snapshots = new List<(string Events, string Months, string Counts)>();
        foreach (var bulk in new[] { true, false })
        {
            await using var database = await databases.SeededAsync("sqlite");
            await using var db = database.Open();
            var owner = await UnAsync(db);
            var counts = new List<string>();
            foreach (var text in new[] { real, release2, release2 })
            {
                db.ChangeTracker.Clear();
                await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
                var result = await EventImporter.ImportAsync(db, EventDatasets.UcdpGed, stream,
                    new ImportOptions { OwnerOrganizationId = owner, FileName = "ged.csv", SqliteBulk = bulk }, Ct);
                Assert.True(result.Succeeded, string.Join("\n", result.Rejections));
                counts.Add($"{result.Inserted}/{result.Updated}/{result.Unchanged}/{result.CountryMonthsRecomputed}");
            }
            snapshots.Add((await EventsOnlyAsync(db), await MonthsAsync(db), string.Join(" ", counts)));
            // The indexes the bulk strategy rebuilt are the migration's, by name and definition.
            var indexes = await db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ConflictEvents' AND sql IS NOT NULL ORDER BY name").ToListAsync(Ct);
            Assert.Equal(2, indexes.Count);
            Assert.Contains("CREATE UNIQUE INDEX \"IX_ConflictEvents_Dataset_SourceEventId\"", indexes[1]);
        }
        // Touched: CAF 2009-02 (revised and new), CAF 2009-09 (left by the moved event), TCD 2010-01 (entered).
        Assert.Equal("1848/0/0/200 1/2/1846/3 0/0/1849/0", snapshots[0].Counts);
        Assert.Equal(snapshots[0], snapshots[1]);
    }

    private static async Task<string> EventsOnlyAsync(Interlock.Data.InterlockDbContext db) =>
        System.Text.Json.JsonSerializer.Serialize(await db.ConflictEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct));
}
