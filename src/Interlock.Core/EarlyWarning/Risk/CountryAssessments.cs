using Interlock.Data;
using Interlock.EarlyWarning.Indicators;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The public reported values the risk rules take into account, by country and month. Several organizations may report
/// the same indicator: the most severe public value counts. Restricted values never enter the computed level, which is public.
/// </summary>
public sealed class PublicReportedValues
{
    private readonly Dictionary<(string Iso3, DateOnly Month), IReadOnlyCollection<ReportedValue>> _values;
    private readonly ILookup<string, DateOnly> _months;

    private PublicReportedValues(Dictionary<(string Iso3, DateOnly Month), IReadOnlyCollection<ReportedValue>> values)
    {
        _values = values;
        _months = values.Keys.ToLookup(k => k.Iso3, k => k.Month, StringComparer.Ordinal);
    }

    /// <summary>The countries that have public reported values.</summary>
    public IEnumerable<string> Countries => _months.Select(g => g.Key);

    public IReadOnlyCollection<ReportedValue> Of(string iso3, DateOnly month) => _values.GetValueOrDefault((iso3, month)) ?? [];

    public IEnumerable<DateOnly> MonthsOf(string iso3) => _months[iso3];

    /// <summary>The values of <paramref name="countries"/> (all when null), from <paramref name="from"/> on (all months when null).</summary>
    public static async Task<PublicReportedValues> ReadAsync(InterlockDbContext db, IReadOnlyCollection<string>? countries, DateOnly? from,
        CancellationToken ct)
    {
        var codes = IndicatorCatalog.All.Where(i => i.Source == IndicatorSource.Reported).Select(i => i.Code).ToList();
        var query = db.IndicatorValues.AsNoTracking().Where(v => v.Classification == Classification.Public && codes.Contains(v.IndicatorCode));
        if (countries is not null) query = query.Where(v => countries.Contains(v.CountryIso3));
        if (from is { } f) query = query.Where(v => v.Month >= f);
        var rows = await query.Select(v => new { v.CountryIso3, v.Month, v.IndicatorCode, v.Value, v.Level }).ToListAsync(ct);
        return new PublicReportedValues(rows.GroupBy(v => (v.CountryIso3, v.Month))
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<ReportedValue>)g.GroupBy(v => v.IndicatorCode)
                .Select(c => c.OrderByDescending(v => v.Level).First()).Select(v => new ReportedValue(v.IndicatorCode, v.Value, v.Level)).ToList()));
    }
}

/// <summary>
/// What the rules assess for one country, month by month: the derived facts of every month its chosen series cover,
/// and the months that have public reported values but no event figures. One enumeration serves the recompute of the
/// stored levels and the reasons written when a month is read (<see cref="RiskExplanations"/>), so both see the same months.
/// </summary>
public static class CountryAssessments
{
    public static List<(MonthFacts Facts, IReadOnlyCollection<ReportedValue> Reported)> Of(string iso3, RiskInputs inputs,
        PublicReportedValues reported, RiskSettings settings)
    {
        var facts = inputs.FactsOf(iso3, settings);
        var months = facts.Select(f => f.Month).ToHashSet();
        var extra = reported.MonthsOf(iso3).Where(m => !months.Contains(m)).ToList();
        if (extra.Count > 0)
        {
            facts.AddRange(extra.Select(m => new MonthFacts { Iso3 = iso3, Month = m }));
            facts.Sort((a, b) => a.Month.CompareTo(b.Month));
        }
        return facts.Select(f => (f, reported.Of(iso3, f.Month))).ToList();
    }
}
