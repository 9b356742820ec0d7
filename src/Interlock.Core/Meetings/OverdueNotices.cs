using Interlock.Data;
using Interlock.Inbox;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Meetings;

/// <summary>
/// Puts a notice in the inbox of every organization that owns an overdue decision. Idempotent: one notice per
/// decision, due date and owner, however often it runs and on however many nodes (the inbox's unique index).
/// A new due date is a new notice.
/// </summary>
public static class OverdueNotices
{
    /// <summary>The roles of the owner's users who see the notice: those who can act on it.</summary>
    public const Role Recipients = Role.Contributor | Role.FocalPoint | Role.Analyst | Role.OrgAdmin;

    public static string SourceIdOf(Decision d) => $"{d.Id:N}:{d.DueOn:yyyyMMdd}";

    /// <summary>The notices due on <paramref name="today"/> for the given decisions (not yet filtered against the inbox).</summary>
    public static List<InboxItem> For(IEnumerable<Decision> decisions, DateOnly today, DateTimeOffset now)
    {
        var items = new List<InboxItem>();
        foreach (var d in decisions.Where(d => !d.IsRecurring && DecisionWorkflow.IsOverdue(d, today)))
            foreach (var owner in d.Owners.Select(o => o.OrganizationId).Distinct())
            {
                // Only the record's owner, or anyone for shared records, may read the text; others learn only that it is overdue.
                var mayShowText = d.Classification <= Classification.Partners || owner == d.OwnerOrganizationId;
                items.Add(new InboxItem
                {
                    Kind = InboxKinds.OverdueActionItem,
                    SourceId = SourceIdOf(d),
                    RecipientOrganizationId = owner,
                    RecipientRoles = Recipients,
                    Title = mayShowText ? Shorten($"Overdue since {d.DueOn:yyyy-MM-dd}: {d.Text}", 500) : $"An action item your organization owns is overdue since {d.DueOn:yyyy-MM-dd}",
                    Body = mayShowText ? d.Text : null,
                    Link = $"/decisions/{d.Id}",
                    CreatedAt = now,
                });
            }
        return items;
    }

    /// <summary>Finds the overdue decisions, posts what is new and saves. Returns the number of notices added.</summary>
    public static async Task<int> PostAsync(InterlockDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var open = new[] { DecisionStatus.Proposed, DecisionStatus.Agreed, DecisionStatus.InProgress };
        var overdue = await db.Decisions.AsNoTracking().Include(d => d.Owners)
            .Where(d => d.DueOn != null && d.DueOn < today && open.Contains(d.Status) && d.RecurrenceMonths == null)
            .ToListAsync(ct);
        var added = await InboxPost.AddNewAsync(db, For(overdue, today, db.Time.GetUtcNow()), ct);
        if (added.Count > 0) await db.SaveChangesAsync(ct);
        return added.Count;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
