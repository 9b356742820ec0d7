namespace Interlock.Capabilities;

/// <summary>The taxonomy's hierarchy: asking for an area means asking for its sub-areas too.</summary>
public static class AreaTree
{
    /// <summary><paramref name="code"/> and every area below it (children, grandchildren...). Empty when the code is unknown.</summary>
    public static IReadOnlySet<string> WithDescendants(IEnumerable<Area> areas, string code)
    {
        var all = areas.ToList();
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (all.All(a => a.Code != code)) return result;
        var queue = new Queue<string>([code]);
        while (queue.TryDequeue(out var current))
        {
            if (!result.Add(current)) continue; // a cycle in partner-added data cannot loop forever
            foreach (var child in all.Where(a => a.ParentCode == current)) queue.Enqueue(child.Code);
        }
        return result;
    }
}
