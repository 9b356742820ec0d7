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
    /// PostgreSQL computes the country-months into the temporary table <c>cm_new</c> in two hash aggregations: by
    /// (series, country, month, admin1), then by (series, country, month), counting the admin1 groups. COUNT(DISTINCT)
    /// would sort every group instead.
    /// </summary>
    private static string PostgresCompute(string where, string? join) => $"""
        SET LOCAL work_mem = '256MB';
        DROP TABLE IF EXISTS cm_new;
        CREATE TEMP TABLE cm_new ON COMMIT DROP AS
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
          SELECT s, c, m, SUM(sb)::int AS sb, SUM(ns)::int AS ns, SUM(os)::int AS os, SUM(ot)::int AS ot, SUM(n)::int AS n, COUNT(area)::int AS a1
          FROM a GROUP BY s, c, m
        )
        SELECT g.* FROM g {join};
        """;

    /// <summary>
    /// Brings the stored rows of <paramref name="scope"/> (a condition on <c>t</c>) to <c>cm_new</c>, as
    /// <see cref="SqliteCountryMonths"/> does on SQLite: unchanged rows are left alone, changed ones updated, new ones
    /// inserted, those no longer computed deleted. Its row count is the number of rows written.
    /// </summary>
    private static string PostgresWrite(string scope) => $"""
        UPDATE "CountryMonths" t SET "StateBased" = n.sb, "NonState" = n.ns, "OneSided" = n.os, "Other" = n.ot, "Events" = n.n, "Admin1Areas" = n.a1
        FROM cm_new n
        WHERE t."Series" = n.s AND t."CountryIso3" = n.c AND t."Month" = n.m
          AND (t."StateBased", t."NonState", t."OneSided", t."Other", t."Events", t."Admin1Areas") IS DISTINCT FROM (n.sb, n.ns, n.os, n.ot, n.n, n.a1);
        INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
        SELECT n.s, n.c, n.m, n.sb, n.ns, n.os, n.ot, n.n, n.a1 FROM cm_new n
        WHERE NOT EXISTS (SELECT 1 FROM "CountryMonths" t WHERE t."Series" = n.s AND t."CountryIso3" = n.c AND t."Month" = n.m)
        ORDER BY n.s, n.c, n.m;
        DELETE FROM "CountryMonths" t
        WHERE {scope} AND NOT EXISTS (SELECT 1 FROM cm_new n WHERE t."Series" = n.s AND t."CountryIso3" = n.c AND t."Month" = n.m);
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
            return SqliteCountryMonths.Recompute((SqliteConnection)transaction.Connection!, dataset, touched).CountryMonths;
        }

        var count = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM cm_touched").SingleAsync(ct);
        if (count == 0) return 0;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(
            PostgresCompute("""AND e."Dataset" = {0} AND e."CountryIso3" IN (SELECT DISTINCT iso3 FROM cm_touched)""",
                "JOIN cm_touched k ON k.iso3 = g.c AND k.month = g.m"), [dataset], ct);
        await db.Database.ExecuteSqlRawAsync(
            PostgresWrite("""t."Series" = {0} AND (t."CountryIso3", t."Month") IN (SELECT iso3, month FROM cm_touched)"""), [dataset], ct);
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
        int rows, written;
        if (db.Database.IsNpgsql())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync(PostgresCompute("", null), ct);
            rows = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM cm_new").SingleAsync(ct);
            var datasets = string.Join(", ", EventDatasets.EventSets.Select(d => $"'{d}'"));
            written = await db.Database.ExecuteSqlRawAsync(PostgresWrite($"t.\"Series\" IN ({datasets})"), ct);
        }
        // In its own transaction, nothing is written before the events are read: other connections may help read them.
        else (rows, written) = SqliteCountryMonths.Recompute((SqliteConnection)transaction.Connection!, null, null, unwritten: own is not null);
        db.AuditNextSaveAsBatch(nameof(CountryMonth), "recompute",
            JsonSerializer.Serialize(new { series = EventDatasets.EventSets, countryMonths = rows, rowsWritten = written }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RecomputeResult(rows, written, clock.Elapsed);
    }
}
