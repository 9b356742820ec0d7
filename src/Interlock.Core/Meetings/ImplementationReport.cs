namespace Interlock.Meetings;

/// <summary>
/// The standing committee's implementation report [2005 §7 "a monitor for ensuring the implementation of decisions
/// made"]: for each meeting and each owner, how many decisions fall in each bucket, with the decisions behind each
/// number. A recurring commitment is counted through its occurrences, each judged by itself.
/// </summary>
public static class ImplementationReport
{
    public enum Bucket { Implemented, InProgress, Overdue, Lapsed, Open, Superseded, Unknown }

    public static readonly Bucket[] Buckets = Enum.GetValues<Bucket>();

    /// <summary>What the report needs of a decision.</summary>
    public sealed record Item(Guid Id, Guid MeetingId, string Text, string? Reference, DateOnly? DueOn, DecisionStatus Status,
        bool IsRecurringParent, IReadOnlyList<Guid> Owners, int? Occurrence = null);

    public sealed record Row(Guid MeetingId, Guid OwnerId, IReadOnlyDictionary<Bucket, IReadOnlyList<Item>> Items)
    {
        public int Count(Bucket b) => Items.TryGetValue(b, out var list) ? list.Count : 0;
        public int Total => Items.Values.Sum(l => l.Count);
    }

    public static Bucket BucketOf(DecisionStatus status, DateOnly? dueOn, DateOnly today) => status switch
    {
        DecisionStatus.Implemented => Bucket.Implemented,
        DecisionStatus.Lapsed => Bucket.Lapsed,
        DecisionStatus.Superseded => Bucket.Superseded,
        DecisionStatus.Unknown => Bucket.Unknown,
        _ when dueOn is { } due && due < today => Bucket.Overdue,
        DecisionStatus.InProgress => Bucket.InProgress,
        _ => Bucket.Open,
    };

    /// <summary>One row per meeting and owner that has decisions, ordered as given (the caller orders meetings).</summary>
    public static IReadOnlyList<Row> Build(IEnumerable<Item> items, DateOnly today)
    {
        var counted = items.Where(i => !i.IsRecurringParent).ToList();
        return counted
            .SelectMany(i => i.Owners.Select(o => (Owner: o, Item: i)))
            .GroupBy(x => (x.Item.MeetingId, x.Owner))
            .Select(g => new Row(g.Key.MeetingId, g.Key.Owner,
                g.GroupBy(x => BucketOf(x.Item.Status, x.Item.DueOn, today))
                 .ToDictionary(b => b.Key, b => (IReadOnlyList<Item>)b.Select(x => x.Item).ToList())))
            .ToList();
    }

    /// <summary>Totals per bucket over distinct decisions (a decision with three owners counts once).</summary>
    public static IReadOnlyDictionary<Bucket, int> Totals(IEnumerable<Item> items, DateOnly today) =>
        Buckets.ToDictionary(b => b, b => items.Count(i => !i.IsRecurringParent && BucketOf(i.Status, i.DueOn, today) == b));
}
