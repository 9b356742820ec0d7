using System.Net;
using System.Text.Json.Nodes;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>
/// The risk API on a host that loaded the shipped data on first start: levels and reasons, the indicator framework,
/// HXL CSV, GeoJSON, assessments and restricted reported values under the access policy. A = AU, B = ECOWAS.
/// </summary>
public abstract class RiskApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RiskApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RiskApiTests(f), IClassFixture<PostgresFixture>;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_computes_the_risk_of_every_country_with_its_reasons()
    {
        using var anonymous = App.Client();
        var latest = (await anonymous.GetJsonAsync("/api/v1/risk/latest")).AsArray();
        Assert.True(latest.Count >= 190, $"{latest.Count} countries");
        var caf = latest.Single(c => c!["country"]!.GetValue<string>() == "CAF")!;
        Assert.Equal(("2024-04", "watch"), (caf["month"]!.GetValue<string>(), caf["level"]!.GetValue<string>()));

        var history = await anonymous.GetJsonAsync("/api/v1/countries/CAF/risk?from=2022-12&to=2022-12");
        var dec = history["history"]!.AsArray().Single()!;
        Assert.Equal("alert", dec["level"]!.GetValue<string>());
        Assert.Contains(dec["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("State-based violence fatalities 75 in 2022-12", StringComparison.Ordinal));
        var sb = dec["indicators"]!.AsArray().Single(i => i!["indicator"]!.GetValue<string>() == "sb-fatalities")!;
        Assert.Equal((75, "warning", "derived"), (sb["value"]!.GetValue<double>(), sb["level"]!.GetValue<string>(), sb["source"]!.GetValue<string>()));
        Assert.Equal("2024-04", history["latest"]!["month"]!.GetValue<string>());

        await (await anonymous.GetAsync("/api/v1/countries/XXX/risk")).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Contains("from", await (await anonymous.GetAsync("/api/v1/countries/CAF/risk?from=2022")).ProblemFieldsAsync());
    }

    [Fact]
    public async Task The_indicator_framework_and_the_HXL_csv_have_every_indicator()
    {
        using var anonymous = App.Client();
        var indicators = (await anonymous.GetJsonAsync("/api/v1/indicators")).AsArray();
        Assert.Equal(25, indicators.Count);
        Assert.Contains(indicators, i => i!["code"]!.GetValue<string>() == "spillover" && i["hxl"]!.GetValue<string>() == "#affected+killed+neighbours");

        var response = await anonymous.GetAsync("/api/v1/indicators/values.csv?country=CAF&from=2022-10&to=2022-12", Ct);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var hxl = lines[1].Split(',');
        Assert.Equal(["country", "country_name", "month", "risk_level", "sb-fatalities"], header[..5]);
        Assert.Equal(29, header.Length);
        Assert.Equal(header.Length, hxl.Length);
        Assert.All(hxl, h => Assert.StartsWith("#", h));
        Assert.Equal("#affected+killed+state_based", hxl[Array.IndexOf(header, "sb-fatalities")]);
        Assert.Equal(5, lines.Length); // two header rows and three months
        Assert.StartsWith("CAF,Central African Republic,2022-12,Alert,75,0,4,79,", lines[4]);

        Assert.Contains("country", await (await anonymous.GetAsync("/api/v1/indicators/values.csv?country=ZZZ", Ct)).ProblemFieldsAsync());
    }

    [Fact]
    public async Task The_latest_risk_GeoJSON_is_a_valid_feature_collection_of_country_boundaries()
    {
        using var anonymous = App.Client();
        var response = await anonymous.GetAsync("/api/v1/risk/latest.geojson", Ct);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("FeatureCollection", json["type"]!.GetValue<string>());
        var features = json["features"]!.AsArray();
        Assert.True(features.Count >= 190);
        foreach (var f in features)
        {
            Assert.Equal("Feature", f!["type"]!.GetValue<string>());
            Assert.Contains(f["properties"]!["level"]!.GetValue<string>(), new[] { "low", "watch", "warning", "alert" });
            var g = Assert.IsType<JsonObject>(f["geometry"]);
            if (g["type"]!.GetValue<string>() == "Point")
            {
                // A state too small for the 1:110m boundaries: one point from the finer scales.
                var xy = g["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()).ToList();
                Assert.True(xy.Count == 2 && xy[0] is >= -180 and <= 180 && xy[1] is >= -90 and <= 90);
                continue;
            }
            Assert.Equal("MultiPolygon", g["type"]!.GetValue<string>());
            foreach (var ring in g["coordinates"]!.AsArray().SelectMany(p => p!.AsArray()))
            {
                var points = ring!.AsArray().Select(p => (Lon: p![0]!.GetValue<double>(), Lat: p[1]!.GetValue<double>())).ToList();
                Assert.True(points.Count >= 4);
                Assert.Equal(points[0], points[^1]); // closed (RFC 7946 §3.1.6)
                Assert.All(points, p => Assert.True(p.Lon is >= -180 and <= 180 && p.Lat is >= -90 and <= 90));
            }
        }
        Assert.NotNull(features.Single(f => f!["id"]!.GetValue<string>() == "CAF")!["geometry"]);
        Assert.Equal("Point", features.Single(f => f!["id"]!.GetValue<string>() == "CPV")!["geometry"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_confidential_assessment_is_read_only_by_its_owner_or_through_an_agreement()
    {
        var (_, analyst) = await App.ApiUserAsync("AU", Role.Analyst, name: "au-analyst");
        var created = await (await analyst.PostJsonAsync("/api/v1/countries/MLI/assessments", new
        {
            month = "2024-04", level = "alert", justification = "Field reports of a blockade around Timbuktu.", classification = "confidential",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(("AU", "alert"), (created["organization"]!.GetValue<string>(), created["level"]!.GetValue<string>()));

        var (_, reader) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        async Task<bool> SeesAsync(HttpClient c) => (await c.GetJsonAsync("/api/v1/countries/MLI/assessments")).AsArray()
            .Any(a => a!["id"]!.GetValue<Guid>() == id);
        Assert.True(await SeesAsync(analyst));
        Assert.False(await SeesAsync(reader));
        Assert.False(await SeesAsync(App.Client()));

        await App.SharingAgreementAsync("AU", "ECOWAS", App.Clock.Today.AddDays(-1), null, [Categories.RiskAssessment]);
        Assert.True(await SeesAsync(reader));
    }

    [Fact]
    public async Task Only_an_Analyst_records_an_assessment_and_only_for_their_own_organization()
    {
        var body = new { month = "2024-04", level = "warning", justification = "Reasoned.", classification = "partners" };
        var (_, contributor) = await App.ApiUserAsync("AU", Role.Contributor);
        await (await contributor.PostJsonAsync("/api/v1/countries/NER/assessments", body)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await App.Client().PostJsonAsync("/api/v1/countries/NER/assessments", body)).ExpectAsync(HttpStatusCode.Unauthorized);

        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Analyst);
        await (await ecowas.PostJsonAsync("/api/v1/countries/NER/assessments", new
        {
            body.month, body.level, body.justification, body.classification, organization = "AU",
        })).ExpectAsync(HttpStatusCode.Forbidden);

        var before = await App.WithDbAsync(db => db.RiskAssessments.CountAsync(Ct));
        var bad = await ecowas.PostJsonAsync("/api/v1/countries/NER/assessments", new { month = "2024-04", level = "warning", justification = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("justification", await bad.ProblemFieldsAsync());
        Assert.Equal(before, await App.WithDbAsync(db => db.RiskAssessments.CountAsync(Ct)));

        var ok = await (await ecowas.PostJsonAsync("/api/v1/countries/NER/assessments", body)).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("ECOWAS", ok["organization"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_confidential_reported_value_is_shown_only_to_those_the_policy_allows()
    {
        var au = await App.OrganizationIdAsync("AU");
        var month = new DateOnly(2024, 2, 1);
        await App.WithDbAsync(async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = "displacement", CountryIso3 = "BFA", Month = month, Value = 23456, Level = RiskLevel.Warning,
                ObservationId = Guid.NewGuid(), OwnerOrganizationId = au, Classification = Classification.Confidential, ComputedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });
        const string uri = "/api/v1/countries/BFA/risk?from=2024-02&to=2024-02";
        static bool HasValue(JsonNode risk) => risk["history"]!.AsArray().Single()!["indicators"]!.AsArray()
            .Any(i => i!["indicator"]!.GetValue<string>() == "displacement");

        Assert.False(HasValue(await App.Client().GetJsonAsync(uri)));
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        Assert.False(HasValue(await ecowas.GetJsonAsync(uri)));
        Assert.DoesNotContain("23456", await ecowas.GetStringAsync("/api/v1/indicators/values.csv?country=BFA&from=2024-02&to=2024-02", Ct));
        var (_, own) = await App.ApiUserAsync("AU", Role.Reader);
        Assert.True(HasValue(await own.GetJsonAsync(uri)));
        Assert.Contains(",23456,", await own.GetStringAsync("/api/v1/indicators/values.csv?country=BFA&from=2024-02&to=2024-02", Ct));
    }
}
