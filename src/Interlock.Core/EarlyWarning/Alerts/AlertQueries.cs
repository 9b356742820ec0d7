using Interlock.Data;
using Interlock.Inbox;
using Interlock.Security;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>Queries other modules build on (the situation timeline, the country page).</summary>
public static class AlertQueries
{
    /// <summary>
    /// A country's alerts for the months from <paramref name="from"/> to <paramref name="to"/> (inclusive, either may be
    /// null), newest first. Not filtered by access: pass it through AccessService.ReadableAsync (or
    /// AccessPolicy.ReadFilter) before showing it.
    /// </summary>
    public static IQueryable<Alert> ForCountry(InterlockDbContext db, string iso3, DateOnly? from, DateOnly? to)
    {
        var q = db.Alerts.Where(a => a.CountryIso3 == iso3);
        if (from is { } f) q = q.Where(a => a.Month >= new DateOnly(f.Year, f.Month, 1));
        if (to is { } t) q = q.Where(a => a.Month <= t);
        // Version 7 identifiers grow with time in both databases: newest first without comparing DateTimeOffset in SQLite.
        return q.OrderByDescending(a => a.Month).ThenByDescending(a => a.Id);
    }

    public static IQueryable<InboxItem> DeliveriesOf(InterlockDbContext db, Guid alertId)
    {
        var source = alertId.ToString("D");
        return db.InboxItems.Where(i => i.Kind == InboxKinds.Alert && i.SourceId == source);
    }
}

/// <summary>
/// Who sees which rows of an alert's delivery log (once they may read the alert itself): the UN secretariat, which
/// runs the exchange, sees every recipient's row; every other organization sees only its own rows, so one partner
/// does not learn whom else an alert reached or how quickly they reacted.
/// </summary>
public static class DeliveryLogRules
{
    public static bool SeesAllRows(Subject subject, Guid? unOrganizationId) =>
        subject.IsAuthenticated && unOrganizationId is not null && subject.OrganizationId == unOrganizationId;

    public static bool SeesRow(Subject subject, Guid recipientOrganizationId, Guid? unOrganizationId) =>
        SeesAllRows(subject, unOrganizationId) || (subject.IsAuthenticated && subject.OrganizationId == recipientOrganizationId);
}
