using System.Diagnostics;
using System.Text.Json;
using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning;

/// <summary>
/// Computes the country-month series of the event datasets from the event store, counting the events of each in one
/// <see cref="CountryMonthTally"/>: on SQLite in one pass over the events (<see cref="SqliteCountryMonths"/>), on
/// PostgreSQL from a binary COPY out (<see cref="PostgresCountryMonths"/>). After an import only the country-months it
/// touched are recomputed (<see cref="RecomputeTouchedAsync"/>); <see cref="RecomputeAllAsync"/> rebuilds every event series.
/// Only public events are counted, so the series never reveals a restricted incident report.
/// A month is the month of an event's start date (as VIEWS and the UCDP country-month data count them).
/// </summary>
public static class CountryMonthSeries
{
    /// <summary>
    /// Recomputes the months listed in the temporary table <c>cm_touched (iso3, month)</c> that the import's writer
    /// filled, inside the import's transaction. Returns how many country-months were recomputed. Only the touched
    /// countries' events of this dataset are read.
    /// </summary>
    internal static async Task<int> RecomputeTouchedAsync(InterlockDbContext db, string dataset, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var touched = (await Risk.RiskRecompute.ReadImportTouchedAsync(db, ct))
            .Select(t => (t.Iso3, SqliteCountryMonths.MonthText(t.Month))).ToHashSet();
        if (touched.Count == 0) return 0;
        return db.Database.IsNpgsql()
            ? (await PostgresCountryMonths.RecomputeAsync((Npgsql.NpgsqlConnection)transaction.Connection!, dataset, touched, ct)).CountryMonths
            : SqliteCountryMonths.Recompute((SqliteConnection)transaction.Connection!, dataset, touched).CountryMonths;
    }

    /// <summary>
    /// Replaces the whole series <paramref name="series"/> with <paramref name="rows"/> (computed while importing a dataset
    /// that had no events), inside the caller's transaction. Returns the number of rows.
    /// </summary>
    internal static async Task<int> ReplaceAsync(InterlockDbContext db, string series, List<CountryMonth> rows, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        // A plain command: EF's ExecuteDelete compiles its query on first use, a tenth of a second in a fresh CLI process.
        await using (var delete = transaction.Connection!.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = """DELETE FROM "CountryMonths" WHERE "Series" = @series""";
            var p = delete.CreateParameter();
            p.ParameterName = "@series";
            p.Value = series;
            delete.Parameters.Add(p);
            await delete.ExecuteNonQueryAsync(ct);
        }
        if (!db.Database.IsNpgsql())
        {
            SqliteCountryMonths.Insert((SqliteConnection)transaction.Connection!, rows);
            return rows.Count;
        }
        await using var copy = await ((Npgsql.NpgsqlConnection)transaction.Connection!).BeginBinaryImportAsync(
            """COPY "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Series, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.CountryIso3, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Month, NpgsqlTypes.NpgsqlDbType.Date, ct);
            await copy.WriteAsync(r.StateBased, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            foreach (var v in new[] { r.NonState, r.OneSided, r.Other, r.Events, r.Admin1Areas })
                if (v is { } x) await copy.WriteAsync(x, NpgsqlTypes.NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
        }
        await copy.CompleteAsync(ct);
        return rows.Count;
    }

    /// <param name="CountryMonths">How many country-months were computed.</param>
    /// <param name="Written">How many stored rows had to change to match them (inserted, updated or deleted).</param>
    public sealed record RecomputeResult(int CountryMonths, int Written, TimeSpan Elapsed);

    /// <summary>
    /// Rebuilds the series of every event dataset from all events, in one transaction with one audit entry. Only the rows
    /// whose figures differ from the stored ones are written.
    /// </summary>
    public static async Task<RecomputeResult> RecomputeAllAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = (outer ?? own)!.GetDbTransaction();
        // In its own transaction, nothing is written before the events are read: other connections may help read them (SQLite).
        var (rows, written) = db.Database.IsNpgsql()
            ? await PostgresCountryMonths.RecomputeAsync((Npgsql.NpgsqlConnection)transaction.Connection!, null, null, ct)
            : SqliteCountryMonths.Recompute((SqliteConnection)transaction.Connection!, null, null, unwritten: own is not null);
        db.AuditNextSaveAsBatch(nameof(CountryMonth), "recompute",
            JsonSerializer.Serialize(new { series = EventDatasets.EventSets, countryMonths = rows, rowsWritten = written }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RecomputeResult(rows, written, clock.Elapsed);
    }
}
