using Interlock.Data;
using Interlock.EarlyWarning.Alerts;
using Interlock.Inbox;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Alerts;

/// <summary>One recipient organization's part of the delivery log: why it was chosen and its inbox items.</summary>
public sealed record RouteView(AlertRoute Route, IReadOnlyList<InboxItem> Items);

/// <summary>An alert as the API and the page show it, with the delivery-log rows the viewer may see.</summary>
public sealed record AlertView(Alert Alert, string CountryName, string OwnerCode, IReadOnlyList<RouteView> Routes, bool SeesAllRows);

/// <summary>Loads alerts through <see cref="AccessService"/> for the API and the pages alike.</summary>
public static class AlertViews
{
    /// <summary>Null when the alert does not exist or the viewer may not read it (the same answer: no existence leak).</summary>
    public static async Task<AlertView?> LoadAsync(InterlockDbContext db, AccessService access, Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null || !await access.CanReadAsync(alert, ct)) return null;
        await access.AuditReadsAsync([alert], ct);

        var un = await db.Organizations.Where(o => o.Code == AlertRouting.UnCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        var subject = access.Subject;
        var routes = await db.AlertRoutes.AsNoTracking().Where(r => r.AlertId == id).ToListAsync(ct);
        var items = await AlertQueries.DeliveriesOf(db, id).AsNoTracking().ToListAsync(ct);
        var visible = routes
            .Where(r => DeliveryLogRules.SeesRow(subject, r.OrganizationId, un))
            .OrderBy(r => r.OrganizationCode != AlertRouting.UnCode).ThenBy(r => r.OrganizationCode, StringComparer.Ordinal)
            .Select(r => new RouteView(r, items.Where(i => i.RecipientOrganizationId == r.OrganizationId)
                .OrderBy(i => i.RecipientName, StringComparer.Ordinal).ToList()))
            .ToList();
        var country = await db.Countries.Where(c => c.Iso3 == alert.CountryIso3).Select(c => c.NameEn).FirstOrDefaultAsync(ct) ?? alert.CountryIso3;
        var owner = await db.Organizations.Where(o => o.Id == alert.OwnerOrganizationId).Select(o => o.Code).FirstOrDefaultAsync(ct) ?? "";
        return new AlertView(alert, country, owner, visible, DeliveryLogRules.SeesAllRows(subject, un));
    }

    /// <summary>The inbox items the viewer sees, unacknowledged first, then newest first (version 7 ids grow with time).</summary>
    public static IQueryable<InboxItem> Inbox(InterlockDbContext db, AccessService access) =>
        db.InboxItems.Where(InboxRules.VisibleTo(access.Subject))
            .OrderBy(i => i.AcknowledgedAt != null).ThenByDescending(i => i.Id);

    public static Task<int> UnacknowledgedCountAsync(InterlockDbContext db, AccessService access, CancellationToken ct = default) =>
        access.Subject.IsAuthenticated
            ? db.InboxItems.Where(InboxRules.VisibleTo(access.Subject)).CountAsync(i => i.AcknowledgedAt == null, ct)
            : Task.FromResult(0);

    /// <summary>
    /// Records the first acknowledgement of an item the viewer sees. Serialized per item (row lock on PostgreSQL, the
    /// write lock on SQLite), so two people acknowledging at once leave the first one's name. Null: not visible.
    /// </summary>
    public static async Task<(InboxItem? Item, bool Allowed)> AcknowledgeAsync(InterlockDbContext db, AccessService access, Guid id,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = db.Database.IsNpgsql()
            ? await db.InboxItems.FromSqlInterpolated($"SELECT * FROM \"InboxItems\" WHERE \"Id\" = {id} FOR UPDATE").FirstOrDefaultAsync(ct)
            : await db.InboxItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !InboxRules.IsVisibleTo(item, access.Subject)) return (null, false);
        var first = item.AcknowledgedAt is null;
        // Whole milliseconds, stored exactly by both databases, so a later read returns the same instant.
        if (!InboxRules.Acknowledge(item, access.Subject, Interlock.Audit.AuditChain.Normalize(now))) return (item, false);
        if (first) await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (item, true);
    }
}
