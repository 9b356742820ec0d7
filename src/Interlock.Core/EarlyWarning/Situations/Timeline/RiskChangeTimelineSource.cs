using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>Months in which the country's computed risk level changed from the month before, with the reasons for the new level.</summary>
public sealed class RiskChangeTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.RiskChange;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var s = c.Situation;
        // One month before the start, so a change in the first watched month is seen.
        var from = CountryMonth.MonthOf(s.WatchFrom).AddMonths(-1);
        var months = await c.Db.CountryRisks.AsNoTracking().Where(r => r.CountryIso3 == s.CountryIso3 && r.Month >= from)
            .OrderBy(r => r.Month).ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        for (var i = 1; i < months.Count; i++)
        {
            var (before, now) = (months[i - 1], months[i]);
            if (now.Level == before.Level) continue;
            var verb = now.Level > before.Level ? "rose" : "fell";
            // A gap means no level was computed in between: say from which month the comparison is made.
            var since = before.Month.AddMonths(1) == now.Month ? "" : $" (last computed {before.Month:yyyy-MM})";
            entries.Add(new TimelineEntry(now.Month, Type, $"Risk {verb} from {before.Level} to {now.Level}{since}",
                now.Reasons.Count > 0 ? string.Join("; ", now.Reasons) : null, null, At: now.ComputedAt));
        }
        return entries.TakeLast(c.Limit).ToList();
    }
}
