using Interlock.Data;
using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>An assessment with the code of the organization that owns it.</summary>
public sealed record AssessmentRow(RiskAssessment Assessment, string OrganizationCode);

/// <summary>
/// The reads the risk API and pages share. Levels and derived values are public; reported values and assessments pass
/// through the access policy (<see cref="AccessService"/>), and restricted ones that are returned are logged as read.
/// </summary>
public static class RiskQueries
{
    /// <summary>The latest computed month of every country.</summary>
    public static Task<List<CountryRisk>> LatestAsync(InterlockDbContext db, CancellationToken ct) =>
        db.CountryRisks.AsNoTracking()
            .Where(r => r.Month == db.CountryRisks.Where(x => x.CountryIso3 == r.CountryIso3).Max(x => x.Month))
            .OrderBy(r => r.CountryIso3).ToListAsync(ct);

    /// <summary>The latest computed month of every country with the reasons for its level (written as they are read).</summary>
    public static async Task<List<(CountryRisk Risk, List<string> Reasons)>> LatestWithReasonsAsync(InterlockDbContext db, CancellationToken ct)
    {
        var latest = await LatestAsync(db, ct);
        var reasons = await RiskExplanations.ReadAsync(db, latest.Select(r => (r.CountryIso3, r.Month)), ct);
        return latest.Select(r => (r, RiskExplanations.ReasonsFor(r, reasons))).ToList();
    }

    public static Task<List<CountryRisk>> HistoryAsync(InterlockDbContext db, string iso3, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.CountryRisks.AsNoTracking().Where(r => r.CountryIso3 == iso3 && r.Month >= from && r.Month <= to)
            .OrderBy(r => r.Month).ToListAsync(ct);

    /// <summary>
    /// The indicator values the subject may read, for one country or all, between two months: the derived values,
    /// computed from the public series as they are read (<see cref="DerivedIndicatorValues"/>), and the stored reported
    /// values that pass the access policy. Ordered by country, month and indicator.
    /// </summary>
    public static async Task<List<IndicatorValue>> ValuesAsync(InterlockDbContext db, AccessService access, string? iso3, DateOnly? from,
        DateOnly? to, CancellationToken ct)
    {
        var q = await access.ReadableAsync(db.IndicatorValues.AsNoTracking(), ct);
        if (iso3 is not null) q = q.Where(v => v.CountryIso3 == iso3);
        if (from is { } f) q = q.Where(v => v.Month >= f);
        if (to is { } t) q = q.Where(v => v.Month <= t);
        var reported = await q.ToListAsync(ct);
        await access.AuditReadsAsync(reported, ct);
        var derived = await DerivedIndicatorValues.ReadAsync(db, iso3, from, to, ct);
        return derived.Concat(reported)
            .OrderBy(v => v.CountryIso3, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => v.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>One value per indicator: a derived value, or the most severe readable reported value.</summary>
    public static IEnumerable<IndicatorValue> OnePerIndicator(IEnumerable<IndicatorValue> values) =>
        values.GroupBy(v => v.IndicatorCode).Select(g => g.OrderByDescending(v => v.Level)
            .ThenByDescending(v => IndicatorCatalog.Find(v.IndicatorCode)?.Direction == IndicatorDirection.LowerIsWorse ? -v.Value : v.Value)
            .First());

    public static async Task<List<AssessmentRow>> AssessmentsAsync(InterlockDbContext db, AccessService access, string iso3, CancellationToken ct)
    {
        var q = (await access.ReadableAsync(db.RiskAssessments.AsNoTracking(), ct)).Where(a => a.CountryIso3 == iso3);
        var rows = await q.Join(db.Organizations, a => a.OwnerOrganizationId, o => o.Id, (a, o) => new { a, o.Code }).ToListAsync(ct);
        await access.AuditReadsAsync(rows.Select(r => r.a), ct);
        // Newest first, ordered here: SQLite cannot order by a DateTimeOffset.
        return rows.OrderByDescending(r => r.a.Month).ThenByDescending(r => r.a.RecordedAt).Select(r => new AssessmentRow(r.a, r.Code)).ToList();
    }
}
