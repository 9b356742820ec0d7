using Interlock.EarlyWarning.Risk;
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
        var changes = Enumerable.Range(1, Math.Max(0, months.Count - 1)).Where(i => months[i].Level != months[i - 1].Level).TakeLast(c.Limit).ToList();
        var reasons = await RiskExplanations.ReadAsync(c.Db, changes.Select(i => (months[i].CountryIso3, months[i].Month)), ct);
        var entries = new List<TimelineEntry>();
        foreach (var i in changes)
        {
            var (before, now) = (months[i - 1], months[i]);
            var verb = now.Level > before.Level ? "rose" : "fell";
            // A gap means no level was computed in between: say from which month the comparison is made.
            var since = before.Month.AddMonths(1) == now.Month ? "" : $" (last computed {before.Month:yyyy-MM})";
            entries.Add(new TimelineEntry(now.Month, Type, $"Risk {verb} from {before.Level} to {now.Level}{since}",
                string.Join("; ", RiskExplanations.ReasonsFor(now, reasons)), null, At: now.ComputedAt));
        }
        return entries;
    }
}
