using System.Diagnostics;
using System.Text.Json;
using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning;

/// <summary>
/// Computes the country-month series of the event datasets from the event store: on PostgreSQL with two hash
/// aggregations in the database; on SQLite in one sequential pass over the events (<see cref="SqliteCountryMonths"/>). After an import only the country-months it touched are recomputed
/// (<see cref="RecomputeTouchedAsync"/>); <see cref="RecomputeAllAsync"/> rebuilds every event series.
/// Only public events are counted, so the series never reveals a restricted incident report.
/// A month is the month of an event's start date (as VIEWS and the UCDP country-month data count them).
/// </summary>
public static class CountryMonthSeries
{
    private const string PostgresMonth = "e.\"DateStart\" - (EXTRACT(DAY FROM e.\"DateStart\")::int - 1)";

    /// <summary>
    /// PostgreSQL in two hash aggregations: by (series, country, month, admin1), then by (series, country, month),
    /// counting the admin1 groups. COUNT(DISTINCT) would sort every group instead.
    /// </summary>
    private static string PostgresAggregate(string where, string? join) => $"""
        SET LOCAL work_mem = '256MB';
        WITH a AS (
          SELECT e."Dataset" AS s, e."CountryIso3" AS c, {PostgresMonth} AS m, e."Admin1" AS area,
                 SUM(CASE WHEN e."ViolenceType" = 1 THEN e."Best" ELSE 0 END) AS sb,
                 SUM(CASE WHEN e."ViolenceType" = 2 THEN e."Best" ELSE 0 END) AS ns,
                 SUM(CASE WHEN e."ViolenceType" = 3 THEN e."Best" ELSE 0 END) AS os,
                 SUM(CASE WHEN e."ViolenceType" = 4 THEN e."Best" ELSE 0 END) AS ot,
                 COUNT(*) AS n
          FROM "ConflictEvents" e
          WHERE e."Classification" = 0 {where}
          GROUP BY 1, 2, 3, 4
        ), g AS (
          SELECT s, c, m, SUM(sb) AS sb, SUM(ns) AS ns, SUM(os) AS os, SUM(ot) AS ot, SUM(n) AS n, COUNT(area) AS a1 FROM a GROUP BY s, c, m
        )
        INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
        SELECT g.s, g.c, g.m, g.sb, g.ns, g.os, g.ot, g.n, g.a1 FROM g {join};
        """;

    /// <summary>
    /// Recomputes the months listed in the temporary table <c>cm_touched (iso3, month)</c> that the import's writer
    /// filled, inside the import's transaction. Returns how many country-months were recomputed. Only the touched
    /// countries' events of this dataset are read.
    /// </summary>
    internal static async Task<int> RecomputeTouchedAsync(InterlockDbContext db, string dataset, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        if (!db.Database.IsNpgsql())
        {
            var touched = new HashSet<(string, string)>();
            await using (var cmd = transaction.Connection!.CreateCommand())
            {
                cmd.Transaction = transaction;
                cmd.CommandText = "SELECT iso3, month FROM temp.cm_touched";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) touched.Add((r.GetString(0), r.GetString(1)));
            }
            if (touched.Count == 0) return 0;
            return await SqliteCountryMonths.RecomputeAsync((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, dataset, touched, ct);
        }

        var count = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM cm_touched").SingleAsync(ct);
        if (count == 0) return 0;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "CountryMonths" c USING cm_touched k WHERE c."Series" = {0} AND c."CountryIso3" = k.iso3 AND c."Month" = k.month;""" +
            PostgresAggregate("""AND e."Dataset" = {0} AND e."CountryIso3" IN (SELECT DISTINCT iso3 FROM cm_touched)""",
                "JOIN cm_touched k ON k.iso3 = g.c AND k.month = g.m"),
            [dataset], ct);
        return count;
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

    public sealed record RecomputeResult(int CountryMonths, TimeSpan Elapsed);

    /// <summary>Rebuilds the series of every event dataset from all events, in one transaction with one audit entry.</summary>
    public static async Task<RecomputeResult> RecomputeAllAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = (outer ?? own)!.GetDbTransaction();
        int rows;
        if (db.Database.IsNpgsql())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var datasets = string.Join(", ", EventDatasets.EventSets.Select(d => $"'{d}'"));
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"CountryMonths\" WHERE \"Series\" IN ({datasets});" + PostgresAggregate("", null), ct);
            rows = await db.CountryMonths.CountAsync(m => EventDatasets.EventSets.Contains(m.Series), ct);
        }
        else rows = await SqliteCountryMonths.RecomputeAsync((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, null, null, ct);
        db.AuditNextSaveAsBatch(nameof(CountryMonth), "recompute", JsonSerializer.Serialize(new { series = EventDatasets.EventSets, countryMonths = rows }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RecomputeResult(rows, clock.Elapsed);
    }
}
