using Interlock.Data;
using Interlock.Meetings;
using Interlock.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;
using Bucket = Interlock.Meetings.ImplementationReport.Bucket;

namespace Interlock.Web.Meetings;

/// <summary>
/// The implementation report as the dashboard, the API and the exports show it: the decisions the subject may read,
/// bucketed per meeting and owner by <see cref="ImplementationReport"/>, with the names needed to print it.
/// </summary>
public sealed record StandingCommitteeReport(DateOnly AsOf, IReadOnlyList<Meeting> Meetings, IReadOnlyDictionary<Guid, Organization> Organizations,
    IReadOnlyDictionary<Guid, ImplementationReport.Item> Items, IReadOnlyList<ImplementationReport.Row> Rows, IReadOnlyDictionary<Bucket, int> Totals)
{
    /// <summary>The buckets the standing committee follows, in the order of the charts.</summary>
    public static readonly Bucket[] Shown = [Bucket.Implemented, Bucket.InProgress, Bucket.Overdue, Bucket.Lapsed, Bucket.Open, Bucket.Superseded, Bucket.Unknown];

    public static async Task<StandingCommitteeReport> LoadAsync(InterlockDbContext db, AccessService access, Guid? meetingId = null, Guid? ownerId = null,
        CancellationToken ct = default)
    {
        var q = await MeetingQueries.ReadableDecisionsAsync(db, access, new DecisionFilter(meetingId, ownerId), ct);
        var decisions = await q.Include(d => d.Owners).ToListAsync(ct);
        await access.AuditReadsAsync(decisions, ct);
        var items = decisions.Select(d => new ImplementationReport.Item(d.Id, d.MeetingId, d.Text, d.Reference, d.DueOn, d.Status, d.IsRecurring,
            d.Owners.Select(o => o.OrganizationId).Where(o => ownerId is null || o == ownerId).ToList(), d.Occurrence)).ToList();
        var meetingIds = items.Select(i => i.MeetingId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).OrderBy(m => m.StartsOn).ToListAsync(ct);
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var order = meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = ImplementationReport.Build(items, access.Today)
            .OrderBy(r => order.GetValueOrDefault(r.MeetingId)).ThenBy(r => MeetingQueries.Code(orgs, r.OwnerId), StringComparer.Ordinal).ToList();
        return new StandingCommitteeReport(access.Today, meetings, orgs, items.ToDictionary(i => i.Id), rows, ImplementationReport.Totals(items, access.Today));
    }

    public string MeetingTitle(Guid id) => Meetings.FirstOrDefault(m => m.Id == id)?.Title ?? "?";

    public string OwnerCode(Guid id) => MeetingQueries.Code(Organizations, id);

    /// <summary>Totals per owner across meetings, for the owners chart.</summary>
    public IReadOnlyList<(Guid Owner, IReadOnlyDictionary<Bucket, int> Counts)> ByOwner() => Rows
        .GroupBy(r => r.OwnerId)
        .Select(g => (g.Key, (IReadOnlyDictionary<Bucket, int>)Shown.ToDictionary(b => b, b => g.Sum(r => r.Count(b)))))
        .OrderBy(x => OwnerCode(x.Key), StringComparer.Ordinal)
        .ToList();

    /// <summary>Totals per meeting over distinct decisions, for the meetings chart.</summary>
    public IReadOnlyList<(Meeting Meeting, IReadOnlyDictionary<Bucket, int> Counts)> ByMeeting() => Meetings
        .Select(m => (m, (IReadOnlyDictionary<Bucket, int>)Shown.ToDictionary(b => b,
            b => Items.Values.Count(i => i.MeetingId == m.Id && !i.IsRecurringParent && ImplementationReport.BucketOf(i.Status, i.DueOn, AsOf) == b))))
        .ToList();
}
