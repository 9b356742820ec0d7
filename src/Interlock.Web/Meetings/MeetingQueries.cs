using Interlock.Data;
using Interlock.Meetings;
using Interlock.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>The filters of the decision tracker, shared by the API and the page.</summary>
public sealed record DecisionFilter(Guid? MeetingId = null, Guid? OwnerId = null, DecisionStatus? Status = null, bool? Overdue = null,
    bool IncludeRecurringParents = true);

/// <summary>Reads of meetings and decisions that the API, the feeds and the pages share; every one goes through <see cref="AccessService"/>.</summary>
public static class MeetingQueries
{
    public static readonly DecisionStatus[] OpenStatuses = [DecisionStatus.Proposed, DecisionStatus.Agreed, DecisionStatus.InProgress];

    public static Task<Dictionary<Guid, Organization>> OrganizationsAsync(InterlockDbContext db, CancellationToken ct = default) =>
        db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);

    public static async Task<IQueryable<Meeting>> ReadableMeetingsAsync(InterlockDbContext db, AccessService access, CancellationToken ct = default) =>
        await access.ReadableAsync(db.Meetings.AsNoTracking(), ct);

    public static async Task<IQueryable<Decision>> ReadableDecisionsAsync(InterlockDbContext db, AccessService access, DecisionFilter filter,
        CancellationToken ct = default)
    {
        var q = await access.ReadableAsync(db.Decisions.AsNoTracking(), ct);
        // A decision is only as visible as its meeting: a partner must not learn of a confidential meeting through it.
        var meetings = await ReadableMeetingsAsync(db, access, ct);
        q = q.Where(d => meetings.Any(m => m.Id == d.MeetingId));
        if (filter.MeetingId is { } meeting) q = q.Where(d => d.MeetingId == meeting);
        if (filter.OwnerId is { } owner) q = q.Where(d => d.Owners.Any(o => o.OrganizationId == owner));
        if (filter.Status is { } status) q = q.Where(d => d.Status == status);
        if (filter.Overdue is { } overdue)
        {
            var today = access.Today;
            q = overdue
                ? q.Where(d => d.DueOn != null && d.DueOn < today && OpenStatuses.Contains(d.Status) && d.RecurrenceMonths == null)
                : q.Where(d => !(d.DueOn != null && d.DueOn < today && OpenStatuses.Contains(d.Status) && d.RecurrenceMonths == null));
        }
        if (!filter.IncludeRecurringParents) q = q.Where(d => d.RecurrenceMonths == null);
        return q;
    }

    /// <summary>The decision tracker's order: meeting date, then the order of the record, occurrences after their parent.</summary>
    public static IQueryable<Decision> Ordered(IQueryable<Decision> q, InterlockDbContext db) =>
        from d in q
        join m in db.Meetings on d.MeetingId equals m.Id
        orderby m.StartsOn, d.Reference, d.Occurrence
        select d;

    public static DecisionSummaryDto Summary(Decision d, IReadOnlyDictionary<Guid, Organization> orgs, DateOnly today) => new(
        d.Id, d.MeetingId, d.Reference, d.Text, d.Owners.Select(o => Code(orgs, o.OrganizationId)).Order(StringComparer.Ordinal).ToList(),
        d.DueOn, d.Status, !d.IsRecurring && DecisionWorkflow.IsOverdue(d, today), d.IsRecurring, d.Occurrence, d.Classification, d.Version);

    public static string Code(IReadOnlyDictionary<Guid, Organization> orgs, Guid id) => orgs.TryGetValue(id, out var o) ? o.Code : "?";

    public static Organization? ByCode(IReadOnlyDictionary<Guid, Organization> orgs, string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : orgs.Values.FirstOrDefault(o => string.Equals(o.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The meeting with its children, if the subject may read it.</summary>
    public static async Task<Meeting?> ReadableMeetingAsync(InterlockDbContext db, AccessService access, Guid id, CancellationToken ct = default)
    {
        var m = await db.Meetings.AsNoTracking().AsSplitQuery().Include(x => x.Participants).Include(x => x.Agenda).Include(x => x.Documents)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is not null && await access.CanReadAsync(m, ct) ? m : null;
    }

    /// <summary>The decision with owners, evidence and history, if the subject may read it and its meeting.</summary>
    public static async Task<Decision?> ReadableDecisionAsync(InterlockDbContext db, AccessService access, Guid id, bool track = false, CancellationToken ct = default)
    {
        var q = track ? db.Decisions : db.Decisions.AsNoTracking();
        var d = await q.AsSplitQuery().Include(x => x.Owners).Include(x => x.Evidence).Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !await access.CanReadAsync(d, ct)) return null;
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == d.MeetingId, ct);
        return meeting is not null && await access.CanReadAsync(meeting, ct) ? d : null;
    }
}
