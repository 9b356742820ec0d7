using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Observations;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>Observations of the country (country-wide ones, and those of the situation's areas) since it is watched.</summary>
public sealed class ObservationTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Observation;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var s = c.Situation;
        var from = CountryMonth.MonthOf(s.WatchFrom);
        var rows = await c.Db.Observations.AsNoTracking()
            .Where(AccessPolicy.ReadFilter<Observation>(c.Subject, c.Grants))
            .Where(o => o.CountryIso3 == s.CountryIso3 && o.Month >= from)
            .OrderByDescending(o => o.Month).Take(c.Limit * 2).ToListAsync(ct);
        return rows.Where(o => o.Admin1 is null || c.InArea(o.Admin1)).Take(c.Limit).Select(o =>
        {
            var d = IndicatorCatalog.Get(o.IndicatorCode);
            var revised = o.Revision > 1 ? $" · revision {o.Revision}" : "";
            return new TimelineEntry(o.Month, Type, $"{d.NameEn}{(o.Admin1 is { } a ? $" ({a})" : "")}: {d.Explain(o.Value)}",
                $"{o.Source} · {SourceGrades.Short(o.SourceReliability, o.InformationCredibility)}{revised}",
                $"/early-warning/observations/{o.Id}", o.Classification, o.RevisedAt);
        }).ToList();
    }
}
