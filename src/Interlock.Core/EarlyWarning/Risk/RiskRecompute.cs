using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning.Indicators;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning.Risk;

public sealed record RiskRecomputeResult(bool Full, int Countries, int CountryMonths, int IndicatorValues, TimeSpan Elapsed);

/// <summary>
/// Recomputes the derived indicator values and the country-month risk levels from the country-month series, in one
/// in-memory pass with bulk writes (<see cref="RiskStore"/>), never EF change tracking per row.
/// <para>Full: every country and month. Incremental (<see cref="RecomputeAsync"/>): after an import or an observation,
/// every month of the touched countries (a change in one month moves change-3m/12m of the next 12, and a country's
/// first row in a dataset changes which series covers all its months) and of the countries whose land neighbours they
/// are (spillover). When the first or last month of a series moved, every country's coverage may have changed, so the
/// incremental recompute becomes a full one; the bounds it last used are fingerprinted in ReferenceDataVersions.</para>
/// Runs in the caller's transaction when there is one, else in its own.
/// </summary>
public static class RiskRecompute
{
    private const string BoundsVersion = "risk-series-bounds";

    public static Task<RiskRecomputeResult> RecomputeAllAsync(InterlockDbContext db, CancellationToken ct = default) =>
        RunAsync(db, null, ct);

    /// <summary>Recomputes what the country-months <paramref name="touched"/> (changed events or observations) affect.</summary>
    public static Task<RiskRecomputeResult> RecomputeAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)> touched,
        CancellationToken ct) => RunAsync(db, touched, ct);

    private static async Task<RiskRecomputeResult> RunAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)>? touched,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (touched is { Count: 0 }) return new RiskRecomputeResult(false, 0, 0, 0, clock.Elapsed);
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = (outer ?? own)!.GetDbTransaction();
        var settings = RiskSettings.Current;

        var neighbours = (await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Neighbours }).ToListAsync(ct))
            .ToDictionary(c => c.Iso3, c => (IReadOnlyList<string>)c.Neighbours, StringComparer.Ordinal);
        var bounds = (await db.CountryMonths.GroupBy(m => m.Series)
                .Select(g => new { Series = g.Key, First = g.Min(m => m.Month), Last = g.Max(m => m.Month) }).ToListAsync(ct))
            .ToDictionary(b => b.Series, b => new SeriesBounds(b.First, b.Last), StringComparer.Ordinal);
        var fingerprint = Fingerprint(bounds);
        var version = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == BoundsVersion, ct);
        if (version?.Sha256 != fingerprint) touched = null; // coverage may have moved for every country: full recompute

        // The countries to recompute, and the ones whose figures they read (their neighbours, for spillover).
        HashSet<string>? targets = null, read = null;
        if (touched is not null)
        {
            var changed = touched.Select(t => t.Iso3).ToHashSet(StringComparer.Ordinal);
            targets = new HashSet<string>(changed, StringComparer.Ordinal);
            foreach (var (iso3, list) in neighbours)
                if (list.Any(changed.Contains)) targets.Add(iso3);
            read = new HashSet<string>(targets, StringComparer.Ordinal);
            foreach (var t in targets)
                if (neighbours.TryGetValue(t, out var list)) read.UnionWith(list);
        }

        var rowsQuery = db.CountryMonths.AsNoTracking();
        if (read is not null) rowsQuery = rowsQuery.Where(m => read.Contains(m.CountryIso3));
        var rows = await rowsQuery.ToListAsync(ct);
        var chosen = rows.GroupBy(r => r.CountryIso3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SeriesChoice.Choose(g, bounds), StringComparer.Ordinal);

        var reportedCodes = IndicatorCatalog.All.Where(i => i.Source == IndicatorSource.Reported).Select(i => i.Code).ToList();
        var reportedQuery = db.IndicatorValues.AsNoTracking()
            .Where(v => v.Classification == Classification.Public && reportedCodes.Contains(v.IndicatorCode));
        if (targets is not null) reportedQuery = reportedQuery.Where(v => targets.Contains(v.CountryIso3));
        var reported = (await reportedQuery.Select(v => new { v.CountryIso3, v.Month, v.IndicatorCode, v.Value, v.Level }).ToListAsync(ct))
            .GroupBy(v => (v.CountryIso3, v.Month))
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<ReportedValue>)g.GroupBy(v => v.IndicatorCode)
                // Several organizations may report the same indicator: the most severe public value counts.
                .Select(c => c.OrderByDescending(v => v.Level).First()).Select(v => new ReportedValue(v.IndicatorCode, v.Value, v.Level)).ToList());

        var now = db.Time.GetUtcNow();
        var owner = await SecretariatAsync(db, ct);
        var reportedCountries = reported.Keys.Select(k => k.CountryIso3).ToHashSet(StringComparer.Ordinal);
        var countries = targets ?? chosen.Keys.Concat(reported.Keys.Select(k => k.CountryIso3)).ToHashSet(StringComparer.Ordinal);
        var values = new List<IndicatorValue>();
        var risks = new List<CountryRisk>();
        int valueCount = 0, riskCount = 0;
        await using (var store = await RiskStore.BeginAsync(db, transaction, targets, ct))
        {
            foreach (var iso3 in countries.Order(StringComparer.Ordinal))
            {
                var facts = chosen.TryGetValue(iso3, out var figures)
                    ? DerivedIndicators.ForCountry(iso3, figures, neighbours.GetValueOrDefault(iso3) ?? [], chosen, settings)
                    : [];
                var months = facts.Select(f => f.Month).ToHashSet();
                // Months with public reported values but no event figures still get a level.
                if (reportedCountries.Contains(iso3))
                    facts.AddRange(reported.Keys.Where(k => k.CountryIso3 == iso3 && !months.Contains(k.Month))
                        .Select(k => new MonthFacts { Iso3 = iso3, Month = k.Month }));
                foreach (var f in facts.OrderBy(f => f.Month))
                {
                    foreach (var v in f.Values.Values)
                        values.Add(new IndicatorValue
                        {
                            IndicatorCode = v.Code, CountryIso3 = iso3, Month = f.Month, Value = v.Value, Level = v.Level, Reason = v.Reason,
                            OwnerOrganizationId = owner, Classification = Classification.Public, ComputedAt = now,
                        });
                    var assessed = RiskRules.Assess(f, reported.GetValueOrDefault((iso3, f.Month)) ?? [], settings);
                    risks.Add(new CountryRisk { CountryIso3 = iso3, Month = f.Month, Level = assessed.Level, Reasons = assessed.Reasons, ComputedAt = now });
                }
                await store.WriteAsync(values, risks, ct);
                valueCount += values.Count;
                riskCount += risks.Count;
                values.Clear();
                risks.Clear();
            }
            await store.CompleteAsync(ct);
        }

        if (version is null) db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = BoundsVersion, Sha256 = fingerprint, AppliedAt = now });
        else if (version.Sha256 != fingerprint) { version.Sha256 = fingerprint; version.AppliedAt = now; }
        if (targets is null)
            db.AuditNextSaveAsBatch(nameof(CountryRisk), "recompute", JsonSerializer.Serialize(new
            {
                countries = countries.Count, countryMonths = riskCount, indicatorValues = valueCount,
            }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RiskRecomputeResult(targets is null, countries.Count, riskCount, valueCount, clock.Elapsed);
    }

    /// <summary>The country-months an event import touched: its writer's temporary table <c>cm_touched</c>.</summary>
    internal static async Task<List<(string Iso3, DateOnly Month)>> ReadImportTouchedAsync(InterlockDbContext db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var cmd = transaction.Connection!.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = db.Database.IsNpgsql() ? "SELECT iso3, month FROM cm_touched" : "SELECT iso3, month FROM temp.cm_touched";
        var touched = new List<(string, DateOnly)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            touched.Add((r.GetString(0), r.GetFieldValue<object>(1) switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                var text => DateOnly.ParseExact(text.ToString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }));
        return touched;
    }

    /// <summary>Derived values belong to the secretariat, which publishes them.</summary>
    private static async Task<Guid> SecretariatAsync(InterlockDbContext db, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Code == DatabaseInitializer.SecretariatCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("The reference data (organization UN) must be seeded before risk is computed.");

    private static string Fingerprint(Dictionary<string, SeriesBounds> bounds)
    {
        // Incident reports cover only the months they have (SeriesChoice), so their bounds do not matter.
        var text = string.Join(";", bounds.Where(b => b.Key != EventDatasets.Incident).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}:{b.Value.First:yyyy-MM}:{b.Value.Last:yyyy-MM}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
