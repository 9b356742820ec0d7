using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>The kinds of entry on a situation's timeline; each comes from one <see cref="ITimelineSource"/>.</summary>
public enum TimelineEntryType { Event, Observation, RiskChange, Note, Alert, Cooperation, Transition, Engagement }

/// <summary>One line of a situation's timeline. <see cref="At"/> orders entries of the same day when the source knows the time.</summary>
public sealed record TimelineEntry(DateOnly Date, TimelineEntryType Type, string Title, string? Detail = null, string? Link = null,
    Classification? Classification = null, DateTimeOffset? At = null);

/// <summary>What a source needs: the situation, the reader (every source filters by the access policy) and how many entries at most.</summary>
public sealed record TimelineContext(InterlockDbContext Db, Situation Situation, Subject Subject, IReadOnlyList<SharingGrant> Grants, int Limit = 200)
{
    public bool InArea(string? admin1) =>
        Situation.Admin1Areas.Count == 0 || Admin1Names.AnyOf(Situation.Admin1Areas, admin1);
}

/// <summary>
/// One kind of thing that belongs on a situation's timeline. A new kind (alerts) is one more class registered as
/// an <see cref="ITimelineSource"/>; the timeline and its page need no change.
/// </summary>
public interface ITimelineSource
{
    TimelineEntryType Type { get; }
    Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext context, CancellationToken ct);
}

/// <summary>Merges the entries of every source, newest first.</summary>
public sealed class SituationTimeline(IEnumerable<ITimelineSource> sources)
{
    public IReadOnlyCollection<TimelineEntryType> Types { get; } = sources.Select(s => s.Type).Distinct().ToList();

    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(TimelineContext context, IReadOnlySet<TimelineEntryType>? only, CancellationToken ct)
    {
        var entries = new List<TimelineEntry>();
        foreach (var source in sources.Where(s => only is null || only.Count == 0 || only.Contains(s.Type)))
            entries.AddRange(await source.EntriesAsync(context, ct));
        return entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ThenBy(e => e.Type).ToList();
    }
}
