using System.Diagnostics;
using System.Text.Json;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning;

/// <summary>
/// Computes the country-month series of the event datasets from the event store, in the database (one GROUP BY,
/// no rows through the application). After an import only the country-months it touched are recomputed
/// (<see cref="RecomputeTouchedAsync"/>); <see cref="RecomputeAllAsync"/> rebuilds every event series.
/// Only public events are counted, so the series never reveals a restricted incident report.
/// A month is the month of an event's start date (as VIEWS and the UCDP country-month data count them).
/// </summary>
public static class CountryMonthSeries
{
    private const string Target = """
        INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
        """;

    private const string Sums = """
        COALESCE(SUM(CASE WHEN e."ViolenceType" = 1 THEN e."Best" END), 0),
        COALESCE(SUM(CASE WHEN e."ViolenceType" = 2 THEN e."Best" END), 0),
        COALESCE(SUM(CASE WHEN e."ViolenceType" = 3 THEN e."Best" END), 0),
        COALESCE(SUM(CASE WHEN e."ViolenceType" = 4 THEN e."Best" END), 0),
        COUNT(*),
        COUNT(DISTINCT e."Admin1")
        """;

    /// <summary>
    /// Recomputes the months listed in the temporary table <c>cm_touched (iso3, month)</c> that the import's writer
    /// filled, inside the import's transaction. Returns how many country-months were recomputed.
    /// </summary>
    internal static async Task<int> RecomputeTouchedAsync(InterlockDbContext db, string dataset, CancellationToken ct)
    {
        var sqlite = !db.Database.IsNpgsql();
        var touched = await db.Database.SqlQueryRaw<int>(sqlite
            ? "SELECT COUNT(*) AS \"Value\" FROM temp.cm_touched"
            : "SELECT COUNT(*)::int AS \"Value\" FROM cm_touched").SingleAsync(ct);
        if (touched == 0) return 0;
        var sql = sqlite
            ? $"""
               DELETE FROM "CountryMonths" WHERE "Series" = {"{0}"} AND ("CountryIso3", "Month") IN (SELECT iso3, month FROM temp.cm_touched);
               {Target}
               SELECT {"{0}"}, k.iso3, k.month, {Sums}
               FROM temp.cm_touched k
               JOIN "ConflictEvents" e ON e."CountryIso3" = k.iso3 AND e."DateStart" >= k.month AND e."DateStart" < date(k.month, '+1 month')
               WHERE e."Dataset" = {"{0}"} AND e."Classification" = 0
               GROUP BY k.iso3, k.month;
               """
            : $"""
               DELETE FROM "CountryMonths" c USING cm_touched k WHERE c."Series" = {"{0}"} AND c."CountryIso3" = k.iso3 AND c."Month" = k.month;
               {Target}
               SELECT {"{0}"}, k.iso3, k.month, {Sums}
               FROM cm_touched k
               JOIN "ConflictEvents" e ON e."CountryIso3" = k.iso3 AND e."DateStart" >= k.month AND e."DateStart" < (k.month + 1 * interval '1 month')::date
               WHERE e."Dataset" = {"{0}"} AND e."Classification" = 0
               GROUP BY k.iso3, k.month;
               """;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(sql, [dataset], ct);
        return touched;
    }

    public sealed record RecomputeResult(int CountryMonths, TimeSpan Elapsed);

    /// <summary>Rebuilds the series of every event dataset from all events, in one transaction with one audit entry.</summary>
    public static async Task<RecomputeResult> RecomputeAllAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var sqlite = !db.Database.IsNpgsql();
        var month = sqlite ? "substr(e.\"DateStart\", 1, 8) || '01'" : "e.\"DateStart\" - (EXTRACT(DAY FROM e.\"DateStart\")::int - 1)";
        var datasets = string.Join(", ", EventDatasets.EventSets.Select(d => $"'{d}'"));
        var sql = $"""
            DELETE FROM "CountryMonths" WHERE "Series" IN ({datasets});
            {Target}
            SELECT e."Dataset", e."CountryIso3", {month}, {Sums}
            FROM "ConflictEvents" e
            WHERE e."Classification" = 0
            GROUP BY e."Dataset", e."CountryIso3", {month};
            """;
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync(sql, ct);
        var rows = await db.CountryMonths.CountAsync(m => EventDatasets.EventSets.Contains(m.Series), ct);
        db.AuditNextSaveAsBatch(nameof(CountryMonth), "recompute", JsonSerializer.Serialize(new { series = EventDatasets.EventSets, countryMonths = rows }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RecomputeResult(rows, clock.Elapsed);
    }
}
