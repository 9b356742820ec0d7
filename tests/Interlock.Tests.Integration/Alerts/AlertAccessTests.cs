using System.Net;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>
/// The inbox, acknowledgement and the delivery log through the API, and the access policy on alerts: items never
/// leave their recipient organization, acknowledgement is recorded once, restricted alerts stay with their readers.
/// </summary>
public abstract class AlertAccessTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : AlertAccessTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : AlertAccessTests(f), IClassFixture<PostgresFixture>;

    private static async Task<List<System.Text.Json.Nodes.JsonNode>> InboxForAsync(HttpClient client, Guid alertId) =>
        (await client.GetJsonAsync("/api/v1/inbox?limit=500"))["items"]!.AsArray()
            .Where(i => i!["sourceId"].Str() == alertId.ToString("D")).Select(i => i!).ToList();

    [Fact]
    public async Task Acknowledgement_is_recorded_once_by_the_recipient_organization_and_shown_in_its_delivery_log()
    {
        App.Clock.SetToday(new DateOnly(2025, 4, 8));
        await App.RiskAsync("SEN", ("2025-03", RiskLevel.Low), ("2025-04", RiskLevel.Alert));
        await App.EvaluateAlertsAsync();
        var alert = await App.AlertAsync("SEN", "2025-04", AlertTrigger.RiskRise);

        var (first, au1) = await App.ApiUserAsync("AU", Role.FocalPoint, name: "au-fp1");
        var (_, au2) = await App.ApiUserAsync("AU", Role.Analyst, name: "au-analyst");
        var (_, auReader) = await App.ApiUserAsync("AU", Role.Reader, name: "au-reader");
        var (_, oas) = await App.ApiUserAsync("OAS", Role.FocalPoint | Role.OrgAdmin, name: "oas-fp");
        var (_, un) = await App.ApiUserAsync("UN", Role.FocalPoint, name: "un-fp");
        var auReadOnly = App.Client(await App.CreateTokenAsync(first, TokenScope.Read));

        var item = Assert.Single(await InboxForAsync(au1, alert.Id));
        var itemId = item["id"]!.GetValue<Guid>();
        Assert.Null(item["acknowledgedAt"]);
        Assert.Empty(await InboxForAsync(auReader, alert.Id)); // Reader is not a recipient role
        Assert.Empty(await InboxForAsync(oas, alert.Id));      // another organization's inbox is not visible

        // Another organization cannot acknowledge it (404: it does not learn the item exists); a read-only token may not write.
        await (await oas.PostAsync($"/api/v1/inbox/{itemId}/acknowledge", null)).ExpectAsync(HttpStatusCode.NotFound);
        await (await auReader.PostAsync($"/api/v1/inbox/{itemId}/acknowledge", null)).ExpectAsync(HttpStatusCode.NotFound);
        await (await auReadOnly.PostAsync($"/api/v1/inbox/{itemId}/acknowledge", null)).ExpectAsync(HttpStatusCode.Forbidden);

        var acked = await (await au1.PostAsync($"/api/v1/inbox/{itemId}/acknowledge", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.UserName, acked["acknowledgedBy"].Str());
        var at = acked["acknowledgedAt"]!.GetValue<DateTimeOffset>();
        // A second acknowledgement changes nothing: the log keeps who acted first.
        var again = await (await au2.PostAsync($"/api/v1/inbox/{itemId}/acknowledge", null)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.UserName, again["acknowledgedBy"].Str());
        Assert.Equal(at, again["acknowledgedAt"]!.GetValue<DateTimeOffset>());

        // The delivery log: the AU sees its own rows only, the UN secretariat every row, an anonymous caller none.
        var auView = await au1.GetJsonAsync($"/api/v1/alerts/{alert.Id}");
        Assert.False(auView["fullDeliveryLog"]!.GetValue<bool>());
        var auRecipients = auView["recipients"]!.AsArray();
        Assert.Equal(["AU"], auRecipients.Select(r => r!["organization"].Str()));
        Assert.Equal(first.UserName, auRecipients[0]!["deliveries"]![0]!["acknowledgedBy"].Str());

        var unView = await un.GetJsonAsync($"/api/v1/alerts/{alert.Id}");
        Assert.True(unView["fullDeliveryLog"]!.GetValue<bool>());
        var unRecipients = unView["recipients"]!.AsArray().Select(r => r!["organization"].Str()).ToList();
        Assert.Contains("AU", unRecipients);
        Assert.Contains("ECOWAS", unRecipients);
        Assert.Contains("UN", unRecipients);

        using var anonymous = App.Client();
        var anonymousView = await anonymous.GetJsonAsync($"/api/v1/alerts/{alert.Id}");
        Assert.Empty(anonymousView["recipients"]!.AsArray());
        await (await anonymous.GetAsync("/api/v1/inbox")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_confidential_observations_alert_reaches_and_shows_only_to_organizations_that_may_read_it()
    {
        App.Clock.SetToday(new DateOnly(2025, 5, 6));
        var observation = await App.ReportedAlertValueAsync("GIN", "2025-05", "ECOWAS", Classification.Confidential);
        await App.EvaluateAlertsAsync();
        var alert = await App.AlertAsync("GIN", "2025-05", AlertTrigger.ReportedIndicator);
        Assert.Equal((Classification.Confidential, observation), (alert.Classification, alert.ObservationId));
        // Only the owner may read it (no sharing agreement): neither the UN nor the AU is notified.
        Assert.Equal(["ECOWAS"], (await App.RoutesAsync(alert.Id)).Select(r => r.OrganizationCode));

        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Analyst, name: "ecowas-analyst");
        var (_, au) = await App.ApiUserAsync("AU", Role.FocalPoint | Role.OrgAdmin, name: "au-fp");
        using var anonymous = App.Client();

        var mine = await ecowas.GetJsonAsync($"/api/v1/alerts/{alert.Id}");
        Assert.Equal("confidential", mine["alert"]!["classification"].Str());
        Assert.Single(await InboxForAsync(ecowas, alert.Id));

        await (await au.GetAsync($"/api/v1/alerts/{alert.Id}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/alerts/{alert.Id}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await au.GetAsync($"/api/v1/alerts/{alert.Id}.cap")).ExpectAsync(HttpStatusCode.NotFound);
        var listed = (await au.GetJsonAsync("/api/v1/alerts?country=GIN"))["items"]!.AsArray();
        Assert.DoesNotContain(listed, a => a!["id"]!.GetValue<Guid>() == alert.Id);
        Assert.Contains((await ecowas.GetJsonAsync("/api/v1/alerts?country=GIN"))["items"]!.AsArray(), a => a!["id"]!.GetValue<Guid>() == alert.Id);
        Assert.Empty(await InboxForAsync(au, alert.Id));
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_the_field()
    {
        using var anonymous = App.Client();
        Assert.Equal(["country"], await (await anonymous.GetAsync("/api/v1/alerts?country=XXX")).ProblemFieldsAsync());
        Assert.Equal(["from"], await (await anonymous.GetAsync("/api/v1/alerts?from=March")).ProblemFieldsAsync());
    }
}
