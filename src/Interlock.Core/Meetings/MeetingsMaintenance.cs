using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Meetings;

/// <summary>
/// The periodic work of the module, safe to run any number of times: create the occurrences of recurring
/// commitments that have come due, then post overdue notices. The background service calls it; so can an
/// administrator through the API, and tests call it directly.
/// </summary>
public static class MeetingsMaintenance
{
    public sealed record Outcome(int OccurrencesAdded, int NoticesPosted);

    public static async Task<Outcome> RunAsync(InterlockDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var added = await AddOccurrencesAsync(db, today, ct);
        var notices = await OverdueNotices.PostAsync(db, today, ct);
        return new Outcome(added, notices);
    }

    public static async Task<int> AddOccurrencesAsync(InterlockDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var parents = await db.Decisions.Include(d => d.Owners).Where(d => d.RecurrenceMonths != null).ToListAsync(ct);
        if (parents.Count == 0) return 0;
        var ids = parents.Select(p => p.Id).ToList();
        var existing = (await db.Decisions.Where(d => d.ParentId != null && ids.Contains(d.ParentId.Value))
                .Select(d => new { d.ParentId, d.Occurrence }).ToListAsync(ct))
            .ToLookup(x => x.ParentId!.Value, x => x.Occurrence ?? 0);
        var now = db.Time.GetUtcNow();
        var added = 0;
        foreach (var parent in parents)
        {
            var missing = RecurringCommitments.MissingOccurrences(parent, existing[parent.Id].ToList(), today, now);
            db.Decisions.AddRange(missing);
            added += missing.Count;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }
}
