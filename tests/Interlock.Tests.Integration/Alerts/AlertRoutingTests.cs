using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>
/// Routing over the real registry (seeded organizations, memberships and capabilities) on both databases. Mali left
/// ECOWAS on 2025-01-29: a January 2025 rise evaluated before that day reaches ECOWAS as a member; a March rise reaches
/// it only through its capability scope (ECOWARN covers Western Africa), and the delivery log says which.
/// </summary>
public abstract class AlertRoutingTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : AlertRoutingTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : AlertRoutingTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task A_Mali_risk_rise_reaches_the_UN_its_organizations_and_those_whose_capabilities_cover_it()
    {
        var unFocal = await App.FocalPointAsync("UN", "Ursula Nkemelu", "ursula@un.example.org");
        var auFocal = await App.FocalPointAsync("AU", "Amina Bello", "amina@au.example.org");
        var euFocal = await App.FocalPointAsync("EU", "Erik Berg");
        var osceFocal = await App.FocalPointAsync("OSCE", "Olga Ivanova");

        App.Clock.SetToday(new DateOnly(2025, 3, 10));
        await App.RiskAsync("MLI", ("2025-02", RiskLevel.Watch), ("2025-03", RiskLevel.Warning));
        await App.EvaluateAlertsAsync();

        var alert = await App.AlertAsync("MLI", "2025-03", AlertTrigger.RiskRise);
        Assert.Equal((RiskLevel.Warning, RiskLevel.Watch, Classification.Public), (alert.Level, alert.PreviousLevel, alert.Classification));
        var routes = (await App.RoutesAsync(alert.Id)).ToDictionary(r => r.OrganizationCode);
        // Members on the day (UN, AU, OIC, OIF) and capability scopes over Mali or its regions (ECOWAS: Western Africa;
        // EU: African peace support funding over Africa); not the OSCE, OAS or ASEAN, nor the UN bodies whose capabilities are global.
        Assert.Equal(["AU", "ECOWAS", "EU", "OIC", "OIF", "UN"], routes.Keys.Order());
        Assert.Contains("Mali is a member state since 2002-07-09", routes["AU"].Reasons);
        Assert.Equal(["capability scope covers Mali through Western Africa (011)"], routes["ECOWAS"].Reasons.Distinct());
        Assert.All(routes["EU"].Reasons, r => Assert.StartsWith("capability scope covers Mali through Africa", r));

        var items = await App.DeliveriesAsync(alert.Id);
        Assert.Contains(items, i => i.RecipientPersonId == unFocal && i.RecipientEmail == "ursula@un.example.org");
        Assert.Contains(items, i => i.RecipientPersonId == auFocal);
        Assert.Contains(items, i => i.RecipientPersonId == euFocal);
        Assert.DoesNotContain(items, i => i.RecipientPersonId == osceFocal);
        // No early-warning focal point at the OIC: its users with a recipient role still get it, and the log says so.
        var oic = Assert.Single(items, i => i.RecipientOrganizationId == routes["OIC"].OrganizationId);
        Assert.Null(oic.RecipientPersonId);
        Assert.Equal(AlertRouting.NoFocalPointNote, routes["OIC"].Note);
        Assert.Null(routes["UN"].Note);
    }

    [Fact]
    public async Task Before_the_withdrawal_took_effect_ECOWAS_is_reached_as_Malis_organization()
    {
        App.Clock.SetToday(new DateOnly(2025, 1, 20));
        await App.RiskAsync("MLI", ("2024-12", RiskLevel.Low), ("2025-01", RiskLevel.Alert));
        await App.EvaluateAlertsAsync();

        var alert = await App.AlertAsync("MLI", "2025-01", AlertTrigger.RiskRise);
        var ecowas = Assert.Single(await App.RoutesAsync(alert.Id), r => r.OrganizationCode == "ECOWAS");
        Assert.Contains("Mali is a member state since 1975-05-28", ecowas.Reasons);
    }

    [Fact]
    public async Task Evaluating_again_raises_nothing_new_and_a_further_rise_in_the_month_is_an_update()
    {
        App.Clock.SetToday(new DateOnly(2025, 3, 12));
        await App.RiskAsync("NER", ("2025-02", RiskLevel.Watch), ("2025-03", RiskLevel.Warning));
        await App.EvaluateAlertsAsync();
        var warning = await App.AlertAsync("NER", "2025-03", AlertTrigger.RiskRise);
        var deliveries = (await App.DeliveriesAsync(warning.Id)).Count;

        await App.RiskAsync("NER", ("2025-03", RiskLevel.Warning)); // recomputed, same level
        await App.EvaluateAlertsAsync();
        Assert.Equal(deliveries, (await App.DeliveriesAsync(warning.Id)).Count);
        Assert.Single(await App.WithDbAsync(db => Task.FromResult(db.Alerts.Where(a => a.CountryIso3 == "NER").ToList())));

        await App.RiskAsync("NER", ("2025-03", RiskLevel.Alert));
        await App.EvaluateAlertsAsync();
        var both = await App.WithDbAsync(db => Task.FromResult(db.Alerts.Where(a => a.CountryIso3 == "NER").ToList()));
        var update = Assert.Single(both, a => a.Level == RiskLevel.Alert);
        Assert.Equal(warning.Id, update.SupersedesId);

        // Lowered again by a recompute: no new alert.
        await App.RiskAsync("NER", ("2025-03", RiskLevel.Warning));
        await App.EvaluateAlertsAsync();
        Assert.Equal(2, await App.WithDbAsync(db => Task.FromResult(db.Alerts.Count(a => a.CountryIso3 == "NER"))));
    }

    [Fact]
    public async Task ForCountry_lists_a_countrys_alerts_within_the_months_asked()
    {
        App.Clock.SetToday(new DateOnly(2025, 3, 14));
        await App.RiskAsync("TCD", ("2025-01", RiskLevel.Warning), ("2025-02", RiskLevel.Warning), ("2025-03", RiskLevel.Alert));
        await App.EvaluateAlertsAsync();
        var months = await App.WithDbAsync(db => Task.FromResult(
            AlertQueries.ForCountry(db, "TCD", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31)).Select(a => a.Month).ToList()));
        Assert.Equal([new DateOnly(2025, 3, 1)], months);
        var all = await App.WithDbAsync(db => Task.FromResult(AlertQueries.ForCountry(db, "TCD", null, null).Select(a => a.Month).ToList()));
        Assert.Equal([new DateOnly(2025, 3, 1), new DateOnly(2025, 1, 1)], all);
    }
}
