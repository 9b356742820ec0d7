using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Registry;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>What alert tests put in the database directly, as the risk engineer's recompute and the registry would.</summary>
public static class AlertTestData
{
    /// <summary>
    /// Stores computed risk levels. ComputedAt is real time (not the test clock, which tests move into the past), so
    /// rows inserted by a later test are always newer than what an earlier evaluation saw, as they would be in production.
    /// </summary>
    public static Task RiskAsync(this InterlockFactory app, string iso3, params (string Month, RiskLevel Level)[] months) =>
        app.WithDbAsync(async db =>
        {
            foreach (var (month, level) in months)
            {
                var m = DateOnly.Parse(month + "-01");
                var existing = await db.CountryRisks.FirstOrDefaultAsync(r => r.CountryIso3 == iso3 && r.Month == m);
                if (existing is null)
                    db.CountryRisks.Add(existing = new CountryRisk { CountryIso3 = iso3, Month = m });
                existing.Level = level;
                existing.ComputedAt = DateTimeOffset.UtcNow;
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>A reported indicator value at the Alert level, as the recompute stores it from an organization's observation.</summary>
    public static Task<Guid> ReportedAlertValueAsync(this InterlockFactory app, string iso3, string month, string ownerCode, Classification classification) =>
        app.WithDbAsync(async db =>
        {
            var owner = await db.Organizations.Where(o => o.Code == ownerCode).Select(o => o.Id).SingleAsync();
            var observation = Guid.CreateVersion7();
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = "displacement", CountryIso3 = iso3, Month = DateOnly.Parse(month + "-01"), Value = 150_000, Level = RiskLevel.Alert,
                Reason = "150,000 people, at or above the Alert threshold", ObservationId = observation, OwnerOrganizationId = owner,
                Classification = classification, ComputedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return observation;
        });

    /// <summary>Registers a person of <paramref name="orgCode"/> as its current early-warning focal point.</summary>
    public static Task<Guid> FocalPointAsync(this InterlockFactory app, string orgCode, string name, string? email = null) =>
        app.WithDbAsync(async db =>
        {
            var org = await db.Organizations.Where(o => o.Code == orgCode).Select(o => o.Id).SingleAsync();
            var person = new Person { FullName = name, OwnerOrganizationId = org, Email = email };
            person.Roles.Add(new PersonRole
            {
                PersonId = person.Id, OrganizationId = org, Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning,
                Start = new DateOnly(2000, 1, 1),
            });
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

    public static async Task<AlertRun> EvaluateAlertsAsync(this InterlockFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync();
    }

    public static Task<Alert> AlertAsync(this InterlockFactory app, string iso3, string month, AlertTrigger trigger) =>
        app.WithDbAsync(db =>
        {
            var m = DateOnly.Parse(month + "-01");
            return db.Alerts.AsNoTracking().SingleAsync(a => a.CountryIso3 == iso3 && a.Month == m && a.Trigger == trigger);
        });

    public static Task<List<AlertRoute>> RoutesAsync(this InterlockFactory app, Guid alertId) =>
        app.WithDbAsync(db => db.AlertRoutes.AsNoTracking().Where(r => r.AlertId == alertId).ToListAsync());

    public static Task<List<Interlock.Inbox.InboxItem>> DeliveriesAsync(this InterlockFactory app, Guid alertId) =>
        app.WithDbAsync(db => AlertQueries.DeliveriesOf(db, alertId).AsNoTracking().ToListAsync());
}
