using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>
/// Evaluation runs once however many evaluators run at once: two web nodes on one PostgreSQL database (advisory lock
/// plus the unique natural key), and concurrent evaluators on one SQLite file (its write lock).
/// </summary>
public sealed class AlertRunOnceTests
{
    private static async Task<(int Raised, Alert Alert, int Deliveries, int Routes)> RaceAsync(InterlockFactory seed, params InterlockFactory[] nodes)
    {
        await seed.FocalPointAsync("UN", "Ursula Nkemelu", "ursula@un.example.org");
        await seed.FocalPointAsync("AU", "Amina Bello");
        foreach (var node in nodes) node.Clock.SetToday(new DateOnly(2025, 3, 10));
        await seed.RiskAsync("MLI", ("2025-02", RiskLevel.Watch), ("2025-03", RiskLevel.Alert));

        // Three evaluations per node, all started together.
        using var start = new Barrier(nodes.Length * 3);
        var runs = await Task.WhenAll(nodes.SelectMany(n => Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return await n.EvaluateAlertsAsync();
        }))));

        var alert = await seed.AlertAsync("MLI", "2025-03", AlertTrigger.RiskRise); // Single: one alert
        var deliveries = await seed.DeliveriesAsync(alert.Id);
        Assert.Equal(deliveries.Count, deliveries.Select(d => (d.RecipientOrganizationId, d.RecipientPersonId)).Distinct().Count());
        return (runs.Sum(r => r.Raised.Count), alert, deliveries.Count, (await seed.RoutesAsync(alert.Id)).Count);
    }

    [Fact]
    public async Task Two_nodes_evaluating_at_once_on_PostgreSQL_raise_one_alert_with_one_set_of_deliveries()
    {
        PostgresServer.Require();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var node1 = InterlockFactory.StartOn(database);
        await using var node2 = InterlockFactory.StartOn(database);

        var (raised, alert, deliveries, routes) = await RaceAsync(node1, node1, node2);
        Assert.Equal(1, raised);
        Assert.Equal(routes, deliveries); // one focal point or one organization item per route, nothing twice
        await AssertNaturalKeyIsUniqueAsync(node2, alert);
    }

    [Fact]
    public async Task Concurrent_evaluators_on_SQLite_raise_one_alert()
    {
        await using var app = await InterlockFactory.StartAsync(TestProvider.Sqlite);
        var (raised, alert, deliveries, routes) = await RaceAsync(app, app, app);
        Assert.Equal(1, raised);
        Assert.Equal(routes, deliveries);
        await AssertNaturalKeyIsUniqueAsync(app, alert);
    }

    /// <summary>The database itself refuses a second alert with the same natural key, whatever code writes it.</summary>
    private static async Task AssertNaturalKeyIsUniqueAsync(InterlockFactory app, Alert existing) =>
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.Alerts.Add(new Alert
            {
                CountryIso3 = existing.CountryIso3, Month = existing.Month, Trigger = existing.Trigger, TriggerKey = existing.TriggerKey,
                Title = "duplicate", Summary = "duplicate", OwnerOrganizationId = existing.OwnerOrganizationId, CreatedAt = existing.CreatedAt,
            });
            return db.SaveChangesAsync();
        }));
}
