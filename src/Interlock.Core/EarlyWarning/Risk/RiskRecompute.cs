using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning.Risk;

/// <param name="IndicatorValues">How many derived indicator values were computed (they are not stored: <see cref="DerivedIndicatorValues"/>).</param>
/// <param name="LevelsWritten">How many stored levels changed (inserted, updated or deleted): a level found as stored is left as it is.</param>
public sealed record RiskRecomputeResult(bool Full, int Countries, int CountryMonths, int IndicatorValues, TimeSpan Elapsed, int LevelsWritten);

/// <summary>
/// Recomputes the country-month risk levels from the country-month series, in one in-memory pass that writes only the
/// levels that changed (<see cref="RiskStore"/>), never through EF change tracking per row. The derived indicator values
/// are computed on the way and given to the rules; they are not stored (they are computed again when read:
/// <see cref="DerivedIndicatorValues"/>).
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
        if (touched is { Count: 0 }) return new RiskRecomputeResult(false, 0, 0, 0, clock.Elapsed, 0);
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = (outer ?? own)!.GetDbTransaction();
        var settings = RiskSettings.Current;

        var inputs = await RiskInputs.LoadAsync(db, ct);
        var fingerprint = Fingerprint(inputs.Bounds);
        var version = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == BoundsVersion, ct);
        if (version?.Sha256 != fingerprint) touched = null; // coverage may have moved for every country: full recompute

        // The countries to recompute: the touched ones and those whose land neighbours they are (spillover).
        HashSet<string>? targets = null;
        if (touched is not null)
        {
            var changed = touched.Select(t => t.Iso3).ToHashSet(StringComparer.Ordinal);
            targets = new HashSet<string>(changed, StringComparer.Ordinal);
            foreach (var (iso3, list) in inputs.Neighbours)
                if (list.Any(changed.Contains)) targets.Add(iso3);
        }
        await inputs.ReadFiguresAsync(db, targets is null ? null : inputs.WithNeighbours(targets), ct);

        var reported = await PublicReportedValues.ReadAsync(db, targets, null, ct);

        var now = db.Time.GetUtcNow();
        var countries = targets ?? inputs.Chosen.Keys.Concat(reported.Countries).ToHashSet(StringComparer.Ordinal);
        // One country at a time, in key order, each compared with the stored levels as it is computed (RiskStore). Computing
        // countries in parallel was measured slower on the 2-core development machine (3.2 s against 2.7 s): not done.
        // Levels only: the reasons are written when a month is read (RiskExplanations).
        var computed = countries.Order(StringComparer.Ordinal).Select(iso3 =>
        {
            var months = CountryAssessments.Of(iso3, inputs, reported, settings);
            var risks = new List<CountryRisk>(months.Count);
            var values = 0;
            foreach (var (facts, reportedValues) in months)
            {
                values += facts.Values.Count;
                risks.Add(new CountryRisk { CountryIso3 = iso3, Month = facts.Month, Level = RiskRules.LevelOf(facts, reportedValues, settings), ComputedAt = now });
            }
            return (Risks: risks, Values: values);
        });
        int valueCount = 0, riskCount = 0;
        var store = await RiskStore.BeginAsync(db, transaction, targets, ct);
        foreach (var (risks, values) in computed)
        {
            store.Add(risks);
            riskCount += risks.Count;
            valueCount += values;
        }
        var written = await store.CompleteAsync(ct);

        if (version is null) db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = BoundsVersion, Sha256 = fingerprint, AppliedAt = now });
        else if (version.Sha256 != fingerprint) { version.Sha256 = fingerprint; version.AppliedAt = now; }
        if (targets is null)
            db.AuditNextSaveAsBatch(nameof(CountryRisk), "recompute", JsonSerializer.Serialize(new
            {
                countries = countries.Count, countryMonths = riskCount, indicatorValues = valueCount, levelsWritten = written,
            }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new RiskRecomputeResult(targets is null, countries.Count, riskCount, valueCount, clock.Elapsed, written);
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

    private static string Fingerprint(IReadOnlyDictionary<string, SeriesBounds> bounds)
    {
        // Incident reports cover only the months they have (SeriesChoice), so their bounds do not matter.
        var text = string.Join(";", bounds.Where(b => b.Key != EventDatasets.Incident).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}:{b.Value.First:yyyy-MM}:{b.Value.Last:yyyy-MM}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
