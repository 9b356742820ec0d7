using Interlock.Data;
using Interlock.EarlyWarning.Risk;
using Interlock.Inbox;
using Interlock.Registry;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>What one evaluation did. <see cref="Skipped"/>: another node held the lock, so this one did nothing.</summary>
public sealed record AlertRun(bool Skipped, IReadOnlyList<Guid> Raised, int Deliveries, int Emailed, int EmailFailed)
{
    public static readonly AlertRun Nothing = new(false, [], 0, 0, 0);
}

/// <summary>
/// Reads the CountryRisk and reported IndicatorValue rows computed since the last evaluation, raises the alerts the
/// trigger rules find, routes them and posts the inbox items, all in one transaction under <see cref="RunOnceLock"/>;
/// then, in a second locked transaction, sends the pending e-mails. The background service on every node, the CLI
/// (<c>interlock alerts evaluate</c>) and the risk recompute call <see cref="EvaluateAsync"/>.
/// </summary>
public sealed class AlertEvaluator(InterlockDbContext db, TimeProvider time, AlertSettings settings, AlertMailer mailer)
{
    /// <summary>Rows committed a little after a newer row was seen are still picked up; the unique key absorbs the overlap.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);
    /// <summary>E-mail is a prompt notice: items older than this are not mailed late (e.g. when SMTP is configured later).</summary>
    private static readonly TimeSpan EmailWithin = TimeSpan.FromDays(2);

    /// <summary>
    /// One evaluation. It works on the scope's context from a clean change tracker: a caller sharing the scope (the risk
    /// recompute) saves its own changes first.
    /// </summary>
    public async Task<AlertRun> EvaluateAsync(CancellationToken ct = default)
    {
        // Whole milliseconds, as PostgreSQL and SQLite both store them exactly: what is returned is what is read back.
        var now = Audit.AuditChain.Normalize(time.GetUtcNow());
        var raised = await RaiseAsync(now, ct);
        if (raised is null) return AlertRun.Nothing with { Skipped = true };
        var (emailed, failed) = await EmailAsync(now, ct);
        return new AlertRun(false, raised.Value.Alerts, raised.Value.Deliveries, emailed, failed);
    }

    private async Task<(List<Guid> Alerts, int Deliveries)?> RaiseAsync(DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await RunOnceLock.TryTakeAsync(db, ct)) return null;

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fromMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-settings.LookbackMonths);
        var mark = await db.AlertEvaluationMarks.FindAsync([AlertEvaluationMark.SingletonId], ct);

        // DateTimeOffset cannot be compared in SQLite queries: load the window by month, compare times here.
        var risks = await db.CountryRisks.AsNoTracking().Where(r => r.Month >= fromMonth.AddMonths(-1)).ToListAsync(ct);
        var reported = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.ObservationId != null && v.Level == RiskLevel.Alert && v.Month >= fromMonth).ToListAsync(ct);
        var riskSince = mark?.RiskSeenUpTo - Overlap;
        var valuesSince = mark?.IndicatorsSeenUpTo - Overlap;

        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, ct);
        var organizations = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var un = organizations.FirstOrDefault(o => o.Code == AlertRouting.UnCode)
                 ?? throw new InvalidOperationException("The registry has no UN organization to publish risk alerts.");
        string Name(string iso3) => countries.TryGetValue(iso3, out var c) ? c.NameEn : iso3;
        string Code(Guid id) => organizations.FirstOrDefault(o => o.Id == id)?.Code ?? "An organization";

        var candidates = AlertTriggers.RiskRises(risks, fromMonth, riskSince, un.Id, Name, now)
            .Concat(AlertTriggers.ReportedAtAlert(reported, fromMonth, valuesSince, Name, Code, now))
            .Where(a => countries.ContainsKey(a.CountryIso3))
            .ToList();

        var created = new List<Alert>();
        var deliveries = 0;
        if (candidates.Count > 0)
        {
            var existing = await db.Alerts.AsNoTracking().Where(a => a.Month >= fromMonth)
                .Select(a => new { a.Id, a.CountryIso3, a.Month, a.Trigger, a.TriggerKey, a.Level }).ToListAsync(ct);
            var keys = existing.Select(e => (e.CountryIso3, e.Month, e.Trigger, e.TriggerKey)).ToHashSet();
            var registry = await LoadRegistryAsync(ct);
            // A risk rise quotes the reasons for its level, written now from the same figures (they are not stored).
            var rises = candidates.Where(a => a.Trigger == AlertTrigger.RiskRise).ToList();
            var explained = await RiskExplanations.ReadAsync(db, rises.Select(a => (a.CountryIso3, a.Month)), ct);
            foreach (var a in rises) a.Reasons = RiskExplanations.ReasonsFor(a.CountryIso3, a.Month, a.Level, explained);
            foreach (var alert in candidates)
            {
                if (!keys.Add((alert.CountryIso3, alert.Month, alert.Trigger, alert.TriggerKey))) continue;
                if (alert.Trigger == AlertTrigger.RiskRise)
                {
                    var earlier = existing.Where(e => e.CountryIso3 == alert.CountryIso3 && e.Month == alert.Month && e.Trigger == AlertTrigger.RiskRise)
                        .OrderByDescending(e => e.Level).FirstOrDefault();
                    // A recompute that lowers the month again raises nothing new; a further rise updates the earlier alert.
                    if (earlier is not null && earlier.Level >= alert.Level) continue;
                    alert.SupersedesId = earlier?.Id;
                }
                db.Alerts.Add(alert);
                created.Add(alert);
                foreach (var route in AlertRouting.Recipients(alert, countries[alert.CountryIso3], today, registry))
                {
                    db.AlertRoutes.Add(new AlertRoute
                    {
                        AlertId = alert.Id,
                        OrganizationId = route.Organization.Id,
                        OrganizationCode = route.Organization.Code,
                        Reasons = [.. route.Reasons],
                        Note = route.FocalPoints.Count == 0 ? AlertRouting.NoFocalPointNote : null,
                    });
                    deliveries += (await InboxPost.AddNewAsync(db, AlertRouting.InboxItemsFor(alert, route), ct)).Count;
                }
            }
        }

        // Move the mark only when newer rows were seen, so that an idle round writes nothing (and audits nothing).
        var riskUpTo = Max(mark?.RiskSeenUpTo, risks.Select(r => (DateTimeOffset?)r.ComputedAt).Max());
        var valuesUpTo = Max(mark?.IndicatorsSeenUpTo, reported.Select(v => (DateTimeOffset?)v.ComputedAt).Max());
        if (created.Count > 0 || riskUpTo != mark?.RiskSeenUpTo || valuesUpTo != mark?.IndicatorsSeenUpTo)
        {
            if (mark is null) db.AlertEvaluationMarks.Add(mark = new AlertEvaluationMark());
            mark.RiskSeenUpTo = riskUpTo;
            mark.IndicatorsSeenUpTo = valuesUpTo;
            mark.LastRunAt = now;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (created.Select(a => a.Id).ToList(), deliveries);
    }

    private async Task<AlertRouting.Registry> LoadRegistryAsync(CancellationToken ct)
    {
        var agreements = await db.SharingAgreements.AsNoTracking().Include(a => a.Parties).ToListAsync(ct);
        return new AlertRouting.Registry(
            await db.Organizations.AsNoTracking().ToListAsync(ct),
            await db.Memberships.AsNoTracking().ToListAsync(ct),
            await db.Capabilities.AsNoTracking().ToListAsync(ct),
            await db.PersonRoles.AsNoTracking().Include(r => r.Person)
                .Where(r => r.Kind == PersonRoleKind.FocalPoint && r.Purpose == FocalPointPurpose.EarlyWarning).ToListAsync(ct),
            (org, day) => agreements.SelectMany(a => a.GrantsFor(org, day)));
    }

    private async Task<(int Sent, int Failed)> EmailAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!mailer.Configured) return (0, 0);
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await RunOnceLock.TryTakeAsync(db, ct)) return (0, 0);
        var pending = (await db.InboxItems
                .Where(i => i.Kind == InboxKinds.Alert && i.EmailedAt == null && i.EmailError == null && i.RecipientEmail != null)
                .ToListAsync(ct))
            .Where(i => i.CreatedAt > now - EmailWithin).ToList();
        if (pending.Count == 0) return (0, 0);
        await mailer.SendAsync(pending, settings.PublicUrl, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (pending.Count(i => i.EmailedAt is not null), pending.Count(i => i.EmailError is not null));
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
