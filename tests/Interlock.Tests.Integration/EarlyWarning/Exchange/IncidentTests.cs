using System.Net;
using Interlock.EarlyWarning;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.EarlyWarning.Exchange;

/// <summary>Incident reports: they feed the event store and the public series, coordinates are reduced outside the owner, and only its Analyst verifies.</summary>
public abstract class IncidentTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : IncidentTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : IncidentTests(f), IClassFixture<PostgresFixture>;

    private static string UniqueDay() => new DateOnly(2001, 1, 15).AddMonths(Random.Shared.Next(0, 270)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_report_is_an_incident_event_and_only_public_ones_count_in_the_series()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var day = UniqueDay();
        var pub = await a.ReportIncidentAsync(ExchangeCalls.Incident("public", day, fatalities: 4));
        await a.ReportIncidentAsync(ExchangeCalls.Incident("confidential", day, fatalities: 50));
        var id = pub["id"].Str();

        var e = await App.WithDbAsync(db => db.ConflictEvents.AsNoTracking().SingleAsync(x => x.Dataset == EventDatasets.Incident && x.SourceEventId == id));
        Assert.Equal(("CAF", "Ouaka", ViolenceType.OneSided, 4), (e.CountryIso3, e.Admin1, e.ViolenceType, e.Best));
        // The event store, which anyone may read, holds only the reduced coordinates.
        Assert.Equal((6d, 21d), (e.Latitude, e.Longitude));
        Assert.Equal(e.Id, pub["eventId"]!.GetValue<long>());

        var month = DateOnly.Parse(day).AddDays(1 - DateOnly.Parse(day).Day);
        var series = await App.WithDbAsync(db => db.CountryMonths.AsNoTracking().SingleAsync(m => m.Series == EventDatasets.Incident && m.CountryIso3 == "CAF" && m.Month == month));
        Assert.Equal((4, 1, 1), (series.OneSided, series.Events, series.Admin1Areas));

        // Re-dating the report moves it out of that month: the month it left is recomputed too.
        var etag = (await a.GetAsync($"/api/v1/incidents/{id}")).ETag();
        var moved = DateOnly.Parse(day).AddMonths(-1).ToString("yyyy-MM-dd");
        await (await a.PutJsonAsync($"/api/v1/incidents/{id}", ExchangeCalls.Incident("public", moved, fatalities: 6), etag)).ExpectAsync(HttpStatusCode.OK);
        Assert.False(await App.WithDbAsync(db => db.CountryMonths.AnyAsync(m => m.Series == EventDatasets.Incident && m.CountryIso3 == "CAF" && m.Month == month)));
        var events = await new HttpClient { BaseAddress = App.Address }.GetJsonAsync($"/api/v1/events?dataset=incident&country=CAF&from={moved}&to={moved}");
        Assert.Contains(events["items"]!.AsArray(), x => x!["sourceEventId"].Str() == id && x["best"]!.GetValue<int>() == 6);
    }

    [Fact]
    public async Task Exact_coordinates_are_shown_to_the_owner_only()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, b) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        var id = (await a.ReportIncidentAsync(ExchangeCalls.Incident("partners", UniqueDay(), precision: "tenthDegree")))["id"].Str();

        var own = await a.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal((5.76543, 20.67321, true), (own["latitude"]!.GetValue<double>(), own["longitude"]!.GetValue<double>(), own["coordinatesExact"]!.GetValue<bool>()));
        var other = await b.GetJsonAsync($"/api/v1/incidents/{id}");
        Assert.Equal((5.8, 20.7, false), (other["latitude"]!.GetValue<double>(), other["longitude"]!.GetValue<double>(), other["coordinatesExact"]!.GetValue<bool>()));
        var listed = (await b.GetJsonAsync("/api/v1/incidents?country=CAF&limit=500"))["items"]!.AsArray().Single(x => x!["id"].Str() == id)!;
        Assert.Equal(5.8, listed["latitude"]!.GetValue<double>());
        // The page shows the same reduced values.
        Assert.DoesNotContain("5.76543", await (await b.GetAsync($"/early-warning/incidents/{id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_an_Analyst_of_the_owning_organization_sets_the_verification_status()
    {
        var (_, contributor) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, analyst) = await App.ApiUserAsync("AU", Role.Analyst);
        var (_, otherAnalyst) = await App.ApiUserAsync("ECOWAS", Role.Analyst);
        var analystUser = await App.CreateUserAsync("AU", Role.Analyst);
        using var readToken = App.Client(await App.CreateTokenAsync(analystUser, TokenScope.Read));
        var id = (await contributor.ReportIncidentAsync(ExchangeCalls.Incident("partners", UniqueDay())))["id"].Str();
        var etag = (await contributor.GetAsync($"/api/v1/incidents/{id}")).ETag();

        await (await contributor.PostJsonAsync($"/api/v1/incidents/{id}/verification", new { status = "verified" }, etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await otherAnalyst.PostJsonAsync($"/api/v1/incidents/{id}/verification", new { status = "verified" }, etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readToken.PostJsonAsync($"/api/v1/incidents/{id}/verification", new { status = "verified" }, etag)).ExpectAsync(HttpStatusCode.Forbidden);

        var done = await (await analyst.PostJsonAsync($"/api/v1/incidents/{id}/verification", new { status = "disputed" }, etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("disputed", done["verification"].Str());
        Assert.StartsWith("au-", done["verifiedBy"].Str());
        Assert.NotNull(done["verifiedAt"]);
        await (await analyst.PostJsonAsync($"/api/v1/incidents/{id}/verification", new { status = "verified" }, etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_confidential_report_is_invisible_to_another_organization_without_an_agreement()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, b) = await App.ApiUserAsync("ECOWAS", Role.OrgAdmin);
        var id = (await a.ReportIncidentAsync(ExchangeCalls.Incident("confidential", UniqueDay())))["id"].Str();
        await (await b.GetAsync($"/api/v1/incidents/{id}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await b.PutJsonAsync($"/api/v1/incidents/{id}", ExchangeCalls.Incident("public"), "*")).ExpectAsync(HttpStatusCode.NotFound);
        var events = await b.GetJsonAsync("/api/v1/events?dataset=incident&limit=500");
        Assert.DoesNotContain(events["items"]!.AsArray(), x => x!["sourceEventId"].Str() == id);
    }
}
