using Interlock.EarlyWarning;
using Interlock.Tests.Integration.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Interlock.Tests.Integration.EarlyWarning.EventFixtures;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>
/// The full scan of the SQLite event store split across connections (SqliteEventScan.TallyAll), on a real database file
/// holding the real GED events of the Central African Republic: it counts what one scan counts, spread included, and
/// splits only when no one else can commit meanwhile.
/// </summary>
public sealed class SqliteEventScanTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    [Fact]
    public async Task A_scan_split_in_three_parts_counts_what_one_scan_counts()
    {
        await using var database = await databases.SeededAsync("sqlite");
        await using var db = database.Open();
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText(), "ged.csv")).Succeeded);
        db.ChangeTracker.Clear();

        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var one = Groups(SqliteEventScan.TallyAll(handle, -1, unwritten: false, out var single));
        var three = Groups(SqliteEventScan.TallyAll(handle, -1, unwritten: true, out var split, parts: 3, parallelFrom: 0));

        Assert.Equal((1, 3), (single, split));
        Assert.Equal(one, three);
        var ged = one.Where(g => g.Dataset == Array.IndexOf(EventDatasets.EventSets, EventDatasets.UcdpGed)).ToList();
        Assert.Equal(1848, ged.Sum(g => g.Totals.Events));
        // Areas counted once per month over all parts: never more areas than events, and some months with several.
        Assert.All(ged, g => Assert.InRange(g.Totals.Admin1Areas, 0, g.Totals.Events));
        Assert.Contains(ged, g => g.Totals.Admin1Areas > 1);
    }

    [Fact]
    public async Task Without_the_write_lock_one_connection_reads_all()
    {
        await using var database = await databases.SeededAsync("sqlite");
        await using var db = database.Open();
        Assert.True((await ImportAsync(db, EventDatasets.UcdpGed, RealGedText(), "ged.csv")).Succeeded);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        // A deferred transaction takes no lock until it writes: another connection could commit during the scan.
        using var transaction = connection.BeginTransaction(deferred: true);
        SqliteEventScan.TallyAll(connection.Handle!, -1, unwritten: true, out var used, parts: 3, parallelFrom: 0);

        Assert.Equal(1, used);
    }

    private static List<(int Dataset, int Country, int YearMonth, CountryMonthTally.Totals Totals)> Groups(CountryMonthTally tally) =>
        [.. tally.Groups().OrderBy(g => g.Dataset).ThenBy(g => g.Country).ThenBy(g => g.YearMonth)];
}
