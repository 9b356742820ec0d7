using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>Conflict events in the situation's area since it is watched: imported ones and incident reports alike.</summary>
public sealed class EventTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Event;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var s = c.Situation;
        var query = c.Db.ConflictEvents.AsNoTracking()
            .Where(AccessPolicy.ReadFilter<ConflictEvent>(c.Subject, c.Grants))
            .Where(e => e.CountryIso3 == s.CountryIso3 && e.DateStart >= s.WatchFrom);
        if (s.Admin1Areas.Count > 0)
        {
            // The country's distinct area names are few: match them in memory (see Admin1Names), then filter exactly.
            var names = await c.Db.ConflictEvents.AsNoTracking().Where(e => e.CountryIso3 == s.CountryIso3 && e.Admin1 != null)
                .Select(e => e.Admin1!).Distinct().ToListAsync(ct);
            var matching = names.Where(n => c.InArea(n)).ToList();
            query = query.Where(e => e.Admin1 != null && matching.Contains(e.Admin1));
        }
        var events = await query.OrderByDescending(e => e.DateStart).ThenByDescending(e => e.Id).Take(c.Limit).ToListAsync(ct);
        return events.Select(e => new TimelineEntry(e.DateStart, Type,
            $"{e.Best} {(e.Best == 1 ? "death" : "deaths")}, {Describe(e.ViolenceType)} ({e.Dataset})",
            string.Join(" · ", new[] { e.Admin1, Sides(e) }.Where(x => !string.IsNullOrEmpty(x))),
            e.Dataset == EventDatasets.Incident ? $"/early-warning/incidents/{e.SourceEventId}" : null,
            e.Classification)).ToList();
    }

    private static string? Sides(ConflictEvent e) => e.SideA is null ? null : e.SideB is null ? e.SideA : $"{e.SideA} – {e.SideB}";

    public static string Describe(ViolenceType t) => t switch
    {
        ViolenceType.StateBased => "state-based violence",
        ViolenceType.NonState => "non-state violence",
        ViolenceType.OneSided => "one-sided violence",
        _ => "other incident",
    };
}
