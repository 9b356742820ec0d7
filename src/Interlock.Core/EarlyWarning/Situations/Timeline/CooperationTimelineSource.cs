using Interlock.DivisionOfLabour;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>The cooperation record of the situation (consultations, joint missions, workshops...), as the reader may see it.</summary>
public sealed class CooperationTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Cooperation;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var records = await c.Db.CooperationRecords.AsNoTracking().Where(r => r.SituationId == c.Situation.Id)
            .Where(AccessPolicy.ReadFilter<CooperationRecord>(c.Subject, c.Grants))
            .OrderByDescending(r => r.StartOn).Take(c.Limit).ToListAsync(ct);
        return records.Select(r => new TimelineEntry(r.StartOn, Type, r.Title, r.Outcome, $"/api/v1/cooperation-records/{r.Id}", r.Classification,
            r.CreatedAt)).ToList();
    }
}
