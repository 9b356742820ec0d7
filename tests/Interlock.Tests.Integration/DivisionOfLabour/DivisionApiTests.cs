using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>Needs, engagements, transitions and the cooperation record over HTTP: happy paths, bad input naming the field, the agreed lead.</summary>
public abstract class DivisionApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DivisionApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DivisionApiTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Needs_and_engagements_are_created_listed_changed_and_deleted()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var situation = await ecowas.SituationAsync("LBR");
        var need = await ecowas.CreatedAsync("/api/v1/needs", DivisionCalls.Need(situation, "lbr"));
        Assert.Equal("ECOWAS", need["owner"].Str());
        Assert.Equal("LBR", need["countryIso3"].Str());
        var needId = need["id"].Str();
        Assert.Contains(Guid.Parse(needId), await ecowas.ListedAsync($"/api/v1/needs?situation={situation}&area=peacekeeping&country=LBR"));
        Assert.DoesNotContain(Guid.Parse(needId), await ecowas.ListedAsync("/api/v1/needs?country=SDN"));

        var etag = await ecowas.ETagAsync($"/api/v1/needs/{needId}");
        await (await ecowas.PutJsonAsync($"/api/v1/needs/{needId}", DivisionCalls.Need(situation, "LBR", area: "ddr"))).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await ecowas.PutJsonAsync($"/api/v1/needs/{needId}", DivisionCalls.Need(situation, "LBR", area: "ddr"), etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ddr", changed["areaCode"].Str());
        await (await ecowas.PutJsonAsync($"/api/v1/needs/{needId}", DivisionCalls.Need(situation, "LBR"), etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);

        var ecomil = await ecowas.CreatedAsync("/api/v1/engagements", DivisionCalls.Engagement("ECOWAS", "LBR", situation));
        var unmil = await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", "LBR", situation, startOn: "2003-10-01", form: "operationalSupport"));
        Assert.Equal("ECOWAS", ecomil["organization"].Str());
        Assert.Equal("coDeployment", ecomil["form"].Str());
        var byOrg = await ecowas.ListedAsync($"/api/v1/engagements?organization=UN&situation={situation}&country=LBR&area=peacekeeping&form=operationalSupport&status=active");
        Assert.Equal([unmil], byOrg);

        var ecomilId = ecomil["id"].Str();
        etag = await ecowas.ETagAsync($"/api/v1/engagements/{ecomilId}");
        var ended = await (await ecowas.PutJsonAsync($"/api/v1/engagements/{ecomilId}",
            DivisionCalls.Engagement("ECOWAS", "LBR", situation, endOn: "2003-10-01"), etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2003-10-01", ended["endOn"].Str());
        await (await ecowas.SendAsync(HttpMethod.Delete, $"/api/v1/engagements/{ecomilId}", ifMatch: await ecowas.ETagAsync($"/api/v1/engagements/{ecomilId}")))
            .ExpectAsync(HttpStatusCode.NoContent);
        await (await ecowas.GetAsync($"/api/v1/engagements/{ecomilId}")).ExpectAsync(HttpStatusCode.NotFound);
        etag = await ecowas.ETagAsync($"/api/v1/needs/{needId}");
        await (await ecowas.SendAsync(HttpMethod.Delete, $"/api/v1/needs/{needId}", ifMatch: etag)).ExpectAsync(HttpStatusCode.NoContent);
        await (await ecowas.GetAsync($"/api/v1/needs/{needId}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_transition_plan_starts_with_its_checklist_and_its_items_are_updated_one_by_one()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var situation = await au.SituationAsync("SDN");
        // AMIS (the AU mission in Darfur) handed over to UNAMID on 31 December 2007.
        var amis = await au.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("AU", "SDN", situation, startOn: "2004-06-01"));
        var unamid = await au.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", "SDN", situation, startOn: "2007-12-31", form: "jointOperation"));
        var plan = await au.CreatedAsync("/api/v1/transitions", DivisionCalls.Transition(situation, amis, unamid, targetDate: "2007-12-31"));
        var items = plan["items"]!.AsArray();
        Assert.Equal(7, items.Count);
        Assert.Equal(["mandateAlignment", "financing", "rehattingOfContingents", "transferOfAssets", "civilianStaff", "regionalOwnership", "publicInformation"],
            items.Select(i => i!["topic"].Str()));
        Assert.Equal("UN", items.Single(i => i!["topic"].Str() == "financing")!["owner"].Str());
        Assert.Equal("AU", items.Single(i => i!["topic"].Str() == "regionalOwnership")!["owner"].Str());
        Assert.Equal(7, plan["overdueItems"]!.GetValue<int>());

        var id = plan["id"].Str();
        var item = items.Single(i => i!["topic"].Str() == "financing")!["id"].Str();
        var etag = await au.ETagAsync($"/api/v1/transitions/{id}");
        var body = new { status = "done", owner = "UN", dueOn = "2007-11-01", description = "Assessed budget approved" };
        await (await au.PutJsonAsync($"/api/v1/transitions/{id}/items/{item}", body)).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await au.PutJsonAsync($"/api/v1/transitions/{id}/items/{item}", body, etag)).ExpectJsonAsync(HttpStatusCode.OK);
        var done = updated["items"]!.AsArray().Single(i => i!["id"].Str() == item)!;
        Assert.Equal("done", done["status"].Str());
        Assert.Equal(App.Clock.Today.ToString("yyyy-MM-dd"), done["completedOn"].Str());
        Assert.Equal(6, updated["overdueItems"]!.GetValue<int>());
        await (await au.PutJsonAsync($"/api/v1/transitions/{id}/items/{item}", body, etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await au.PutJsonAsync($"/api/v1/transitions/{id}/items/{Guid.NewGuid()}", body, (await au.GetAsync($"/api/v1/transitions/{id}")).ETag()))
            .ExpectAsync(HttpStatusCode.NotFound);
        Assert.Contains(Guid.Parse(id), await au.ListedAsync($"/api/v1/transitions?situation={situation}"));
        // An engagement a plan hands over from cannot be deleted from under it.
        await (await au.SendAsync(HttpMethod.Delete, $"/api/v1/engagements/{amis}", ifMatch: await au.ETagAsync($"/api/v1/engagements/{amis}")))
            .ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cooperation_records_are_created_filtered_changed_and_deleted()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var situation = await ecowas.SituationAsync("LBR");
        var document = await ecowas.CreateDocumentAsync("partners");
        var record = await ecowas.CreatedAsync("/api/v1/cooperation-records", WithDocument(DivisionCalls.Cooperation(["ECOWAS", "UN"], situation, null), document));
        Assert.Equal("LBR", record["countryIso3"].Str());
        Assert.Equal(["ECOWAS", "UN"], record["participants"]!.AsArray().Select(p => p.Str()));
        Assert.Equal(document.ToString(), Assert.Single(record["documentIds"]!.AsArray())!.Str());
        var id = Guid.Parse(record["id"].Str());
        Assert.Contains(id, await ecowas.ListedAsync($"/api/v1/cooperation-records?situation={situation}&organization=UN&from=2003-08-01&to=2003-08-31&country=LBR"));
        Assert.DoesNotContain(id, await ecowas.ListedAsync("/api/v1/cooperation-records?from=2004-01-01"));
        Assert.DoesNotContain(id, await ecowas.ListedAsync("/api/v1/cooperation-records?organization=OAS"));

        var etag = await ecowas.ETagAsync($"/api/v1/cooperation-records/{id}");
        var changed = await (await ecowas.PutJsonAsync($"/api/v1/cooperation-records/{id}",
            DivisionCalls.Cooperation(["ECOWAS", "UN", "AU"], situation, "LBR"), etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, changed["participants"]!.AsArray().Count);
        await (await ecowas.SendAsync(HttpMethod.Delete, $"/api/v1/cooperation-records/{id}", ifMatch: etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await ecowas.SendAsync(HttpMethod.Delete, $"/api/v1/cooperation-records/{id}", ifMatch: await ecowas.ETagAsync($"/api/v1/cooperation-records/{id}")))
            .ExpectAsync(HttpStatusCode.NoContent);
    }

    private static Dictionary<string, object?> WithDocument(object body, Guid document)
    {
        var d = body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
        d["documentIds"] = new[] { document };
        return d;
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_written()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var situation = await ecowas.SituationAsync("LBR");
        Assert.Equal(["areaCode"], await (await ecowas.PostJsonAsync("/api/v1/needs", DivisionCalls.Need(situation, "LBR", area: "nonsense"))).ProblemFieldsAsync());
        Assert.Equal(["countryIso3"], await (await ecowas.PostJsonAsync("/api/v1/needs", DivisionCalls.Need(situation, "SDN"))).ProblemFieldsAsync());
        Assert.Equal(["situationId"], await (await ecowas.PostJsonAsync("/api/v1/needs", DivisionCalls.Need(Guid.NewGuid(), "LBR"))).ProblemFieldsAsync());
        Assert.Equal(["colour"], await (await ecowas.PostAsync("/api/v1/needs", Http.RawJson($"{{\"situationId\":\"{situation}\",\"colour\":\"red\"}}"))).ProblemFieldsAsync());
        Assert.Equal(["organization"], await (await ecowas.PostJsonAsync("/api/v1/engagements", DivisionCalls.Engagement("NOPE", "LBR", situation))).ProblemFieldsAsync());
        Assert.Equal(["form"], await (await ecowas.GetAsync("/api/v1/engagements?form=invasion")).ProblemFieldsAsync());
        Assert.Equal(["area"], await (await ecowas.GetAsync("/api/v1/needs?area=nonsense")).ProblemFieldsAsync());

        var ecomil = await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("ECOWAS", "LBR", situation));
        var au = await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("AU", "LBR", situation));
        Assert.Equal(["toEngagementId"], await (await ecowas.PostJsonAsync("/api/v1/transitions", DivisionCalls.Transition(situation, ecomil, au))).ProblemFieldsAsync());
        var un = await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", "LBR", situation));
        Assert.Equal(["targetDate"], await (await ecowas.PostJsonAsync("/api/v1/transitions",
            DivisionCalls.Transition(situation, ecomil, un, targetDate: "2003-08-01"))).ProblemFieldsAsync());
        Assert.Equal(["participants"], await (await ecowas.PostJsonAsync("/api/v1/cooperation-records",
            DivisionCalls.Cooperation(["ECOWAS"], situation, null))).ProblemFieldsAsync());
        Assert.Equal(["countryIso3"], await (await ecowas.PostJsonAsync("/api/v1/cooperation-records",
            DivisionCalls.Cooperation(["ECOWAS", "UN"], situation, "SDN"))).ProblemFieldsAsync());
        Assert.Empty(await ecowas.ListedAsync($"/api/v1/needs?situation={situation}"));
        Assert.Empty(await ecowas.ListedAsync($"/api/v1/transitions?situation={situation}"));
        Assert.Empty(await ecowas.ListedAsync($"/api/v1/cooperation-records?situation={situation}"));
    }

    [Fact]
    public async Task An_agreed_lead_becomes_a_decision_of_a_meeting_whose_decisions_the_writer_keeps_and_a_note_otherwise()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, un) = await App.ApiUserAsync("UN", Role.Contributor);
        var situation = await ecowas.SituationAsync("LBR");
        // An area no other test of the class engages in Liberia, so that the engaged organizations are this test's.
        const string area = "electoral-assistance";
        var need = await ecowas.CreateIdAsync("/api/v1/needs", DivisionCalls.Need(situation, "LBR", area: area));
        await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("ECOWAS", "LBR", situation, area: area));
        await un.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", "LBR", situation, form: "operationalSupport", area: area));
        var ecowasMeeting = await ecowas.CreateIdAsync("/api/v1/meetings", Meeting());
        var unMeeting = await un.CreateIdAsync("/api/v1/meetings", Meeting());
        var uri = $"/api/v1/needs/{need}/agreed-lead";

        await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "ECOWAS" })).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var etag = await ecowas.ETagAsync($"/api/v1/needs/{need}");
        Assert.Equal(["leadOrganization"], await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "AU" }, etag)).ProblemFieldsAsync());
        Assert.Equal(["meetingId"], await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "ECOWAS", meetingId = Guid.NewGuid() }, etag)).ProblemFieldsAsync());

        // At a UN meeting: ECOWAS does not keep its decisions, so the agreement stays a note on the need.
        var noted = await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "ECOWAS", meetingId = unMeeting, note = "Agreed in the margins" }, etag))
            .ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ECOWAS", noted["agreedLead"]!["organization"].Str());
        Assert.Null(noted["agreedLead"]!["decisionId"]);

        etag = await ecowas.ETagAsync($"/api/v1/needs/{need}");
        var decided = await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "ECOWAS", meetingId = ecowasMeeting, agreedOn = "2003-08-04" }, etag))
            .ExpectJsonAsync(HttpStatusCode.OK);
        var decisionId = decided["agreedLead"]!["decisionId"].Str();
        var decision = await ecowas.GetJsonAsync($"/api/v1/decisions/{decisionId}");
        Assert.Equal("ECOWAS leads on Electoral assistance and observation in Liberia from 2003-08-04; UN support.", decision["text"].Str());
        Assert.Equal(["ECOWAS", "UN"], decision["owners"]!.AsArray().Select(o => o.Str()));
        Assert.Equal("agreed", decision["status"].Str());
        Assert.Equal(ecowasMeeting.ToString(), decision["meetingId"].Str());

        // A lead not engaged on the need is named only when explicitly allowed.
        etag = await ecowas.ETagAsync($"/api/v1/needs/{need}");
        var au = await (await ecowas.PostJsonAsync(uri, new { leadOrganization = "AU", allowNotEngaged = true }, etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("AU", au["agreedLead"]!["organization"].Str());
    }

    private static object Meeting() => new
    {
        kind = "workingLevel", title = $"Liberia working-level meeting {Guid.NewGuid():N}", startsOn = "2003-08-04", endsOn = "2003-08-04",
        classification = "partners", participants = new[] { new { organization = "ECOWAS", level = "representative" }, new { organization = "UN", level = "representative" } },
    };
}
