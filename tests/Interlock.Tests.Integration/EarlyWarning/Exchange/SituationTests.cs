using System.Net;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.EarlyWarning.Exchange;

/// <summary>Situations: the access policy, notes by the organizations involved, one timeline of every kind, ripeness with its facts.</summary>
public abstract class SituationTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : SituationTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : SituationTests(f), IClassFixture<PostgresFixture>;

    private static object Situation(string classification, string[]? organizations = null, string stage = "preventiveDiplomacy") => new
    {
        title = $"Ouaka tensions {Guid.NewGuid():N}", description = "Armed groups around Bambari.", country = "CAF", admin1Areas = new[] { "Ouaka" },
        stage, organizations = organizations ?? [], watchFrom = "2001-01-01", classification,
    };

    [Fact]
    public async Task A_confidential_situation_is_hidden_from_others_and_only_writers_of_the_owner_change_it()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, b) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var (_, readOnly) = await App.ApiUserAsync("AU", Role.Contributor, TokenScope.Read);
        var hidden = (await (await a.PostJsonAsync("/api/v1/situations", Situation("confidential"))).ExpectJsonAsync(HttpStatusCode.Created))["id"].Str();
        var shared = (await (await a.PostJsonAsync("/api/v1/situations", Situation("partners"))).ExpectJsonAsync(HttpStatusCode.Created))["id"].Str();

        await (await b.GetAsync($"/api/v1/situations/{hidden}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await b.GetAsync($"/api/v1/situations/{hidden}/timeline")).ExpectAsync(HttpStatusCode.NotFound);
        var etag = (await b.GetAsync($"/api/v1/situations/{shared}")).ETag();
        await (await b.PutJsonAsync($"/api/v1/situations/{shared}", Situation("public"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await b.PostJsonAsync($"/api/v1/situations/{shared}/notes", new { text = "Not involved" })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PostJsonAsync("/api/v1/situations", Situation("public"))).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PutJsonAsync($"/api/v1/situations/{shared}", Situation("public"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await a.PutJsonAsync($"/api/v1/situations/{shared}", Situation("public", ["ECOWAS"]), etag)).ExpectAsync(HttpStatusCode.OK);
        // Involved now: ECOWAS's writers may add notes.
        await (await b.PostJsonAsync($"/api/v1/situations/{shared}/notes", new { text = "ECOWAS mission planned" })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_timeline_merges_events_observations_risk_changes_and_notes_and_filters_by_type()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Analyst);
        var id = (await (await a.PostJsonAsync("/api/v1/situations", Situation("partners"))).ExpectJsonAsync(HttpStatusCode.Created))["id"].Str();
        await (await a.PostJsonAsync($"/api/v1/situations/{id}/notes", new { text = "Envoy briefed" })).ExpectAsync(HttpStatusCode.Created);
        await a.SubmitObservationAsync(ExchangeCalls.Observation("partners", ExchangeCalls.UniqueMonth(), admin1: "Ouaka"));
        await a.ReportIncidentAsync(ExchangeCalls.Incident("partners", "2019-06-02"));
        await App.WithDbAsync(async db =>
        {
            // The risk model is not part of this branch: write two months as it would.
            if (!db.CountryRisks.Any(r => r.CountryIso3 == "CAF" && r.Month == new DateOnly(2010, 1, 1)))
            {
                db.CountryRisks.Add(new CountryRisk { CountryIso3 = "CAF", Month = new DateOnly(2010, 1, 1), Level = RiskLevel.Watch });
                db.CountryRisks.Add(new CountryRisk { CountryIso3 = "CAF", Month = new DateOnly(2010, 2, 1), Level = RiskLevel.Alert });
                await db.SaveChangesAsync();
            }
            return 0;
        });

        var all = (await a.GetJsonAsync($"/api/v1/situations/{id}/timeline")).AsArray();
        var types = all.Select(e => e!["type"].Str()).ToHashSet();
        Assert.Superset(new HashSet<string> { "event", "observation", "riskChange", "note" }, types);
        Assert.Contains(all, e => e!["title"].Str() == "Risk rose from Watch to Alert");
        // Only events of the situation's areas: the shipped GED events elsewhere in CAR are left out.
        Assert.All(all.Where(e => e!["type"].Str() == "event"), e => Assert.Contains("Ouaka", e!["detail"].Str(), StringComparison.OrdinalIgnoreCase));
        // "Ouaka" names the area that the shipped GED events call "Ouaka province" (Admin1Names).
        Assert.Contains(all, e => e!["type"].Str() == "event" && e["detail"].Str().StartsWith("Ouaka province", StringComparison.Ordinal));

        var notes = (await a.GetJsonAsync($"/api/v1/situations/{id}/timeline?type=note")).AsArray();
        Assert.Equal("Envoy briefed", Assert.Single(notes)!["title"].Str());
        await (await a.GetAsync($"/api/v1/situations/{id}/timeline?type=gossip")).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Ripeness_lists_every_condition_with_its_facts()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var id = (await (await a.PostJsonAsync("/api/v1/situations", Situation("public"))).ExpectJsonAsync(HttpStatusCode.Created))["id"].Str();
        var r = await a.GetJsonAsync($"/api/v1/situations/{id}/ripeness");
        var codes = r["conditions"]!.AsArray().Select(c => c!["code"].Str()).ToList();
        Assert.Equal(["risk", "capability", "mandate", "needs"], codes);
        Assert.All(r["conditions"]!.AsArray(), c => Assert.NotEmpty(c!["facts"]!.AsArray()));
        Assert.Equal("notEvaluated", r["conditions"]![3]!["state"].Str());
    }
}
