using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>The notes users added to the situation; readable by whoever may read the situation.</summary>
public sealed class NoteTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Note;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var notes = await c.Db.SituationNotes.AsNoTracking().Where(n => n.SituationId == c.Situation.Id).ToListAsync(ct);
        return notes.OrderByDescending(n => n.At).Take(c.Limit)
            .Select(n => new TimelineEntry(DateOnly.FromDateTime(n.At.UtcDateTime), Type, n.Text, n.AuthorName, null, c.Situation.Classification, n.At))
            .ToList();
    }
}
