using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Inbox;

/// <summary>Posts notices, skipping the ones already delivered for the same source and recipient.</summary>
public static class InboxPost
{
    /// <summary>Adds the items not yet in the inbox to the context (the caller saves). Returns those added.</summary>
    public static async Task<List<InboxItem>> AddNewAsync(InterlockDbContext db, IReadOnlyCollection<InboxItem> items, CancellationToken ct = default)
    {
        if (items.Count == 0) return [];
        var sources = items.Select(i => i.SourceId).Distinct().ToList();
        var existing = await db.InboxItems
            .Where(i => sources.Contains(i.SourceId))
            .Select(i => new { i.Kind, i.SourceId, i.RecipientOrganizationId, i.RecipientPersonId })
            .ToListAsync(ct);
        var seen = existing.Select(e => (e.Kind, e.SourceId, e.RecipientOrganizationId, e.RecipientPersonId)).ToHashSet();
        var added = items.Where(i => seen.Add((i.Kind, i.SourceId, i.RecipientOrganizationId, i.RecipientPersonId))).ToList();
        db.InboxItems.AddRange(added);
        return added;
    }
}
