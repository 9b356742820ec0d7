using Interlock.EarlyWarning.Alerts;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>Alerts raised for the situation's country since it is watched, as the reader may see them.</summary>
public sealed class AlertTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Alert;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var s = c.Situation;
        var alerts = await AlertQueries.ForCountry(c.Db, s.CountryIso3, CountryMonth.MonthOf(s.WatchFrom), null)
            .Where(AccessPolicy.ReadFilter<Alert>(c.Subject, c.Grants))
            .AsNoTracking().Take(c.Limit).ToListAsync(ct);
        return alerts.Select(a => new TimelineEntry(a.Month, Type, a.Title, a.Summary, a.Link, a.Classification, a.CreatedAt)).ToList();
    }
}
