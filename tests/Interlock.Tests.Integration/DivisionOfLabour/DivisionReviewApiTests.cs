using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>
/// The read side over HTTP: a situation's review (matrix, overlaps, gaps, primacy), the filtered country view and the
/// Article 54 report; each reader sees only what the access policy lets them read.
/// </summary>
public abstract class DivisionReviewApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DivisionReviewApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DivisionReviewApiTests(f), IClassFixture<PostgresFixture>;

    private static async Task<(HttpResponseMessage Response, string Text)> TextAsync(HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode} {text}");
        return (response, text);
    }

    [Fact]
    public async Task A_situations_review_shows_the_overlap_and_hides_it_from_readers_who_may_not_read_the_engagements()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var situation = await ecowas.SituationAsync("LBR", "public");
        await ecowas.CreateIdAsync("/api/v1/needs", DivisionCalls.Need(situation, "LBR", "public"));
        await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("ECOWAS", "LBR", situation, "confidential"));
        await ecowas.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", "LBR", situation, "confidential", role: "support"));

        var own = await ecowas.GetJsonAsync($"/api/v1/situations/{situation}/division-of-labour");
        var overlap = Assert.Single(own["overlaps"]!.AsArray());
        Assert.Equal(["ECOWAS", "UN"], overlap!["organizations"]!.AsArray().Select(o => o!.GetValue<string>()).Order());
        Assert.Equal(["ECOWAS", "UN"], own["matrix"]!.AsArray().Select(r => r!["organization"].Str()).Order());

        // The AU may read the public situation and need, not ECOWAS's confidential engagements: no overlap, a gap.
        var other = await au.GetJsonAsync($"/api/v1/situations/{situation}/division-of-labour");
        Assert.Empty(other["overlaps"]!.AsArray());
        Assert.Empty(other["matrix"]!.AsArray());
        Assert.Equal("Uncovered", Assert.Single(other["gaps"]!.AsArray())!["kind"].Str());

        var hidden = await ecowas.SituationAsync("LBR", "confidential");
        await (await au.GetAsync($"/api/v1/situations/{hidden}/division-of-labour")).ExpectAsync(HttpStatusCode.NotFound);
        using var anonymous = App.Client();
        await (await anonymous.GetAsync($"/api/v1/situations/{hidden}/division-of-labour")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_country_view_filters_and_the_article_54_report_lists_regional_deployments_without_a_council_mandate()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var situation = await ecowas.SituationAsync("SLE", "public");
        var flagged = DivisionCalls.Engagement("ECOWAS", "SLE", situation, "public", startOn: "1998-02-01", endOn: "1999-12-31");
        await ecowas.CreateIdAsync("/api/v1/engagements", flagged);
        await ecowas.CreateIdAsync("/api/v1/engagements", new
        {
            organization = "ECOWAS", areaCode = "mediation", countryIso3 = "SLE", startOn = "1999-05-01", form = "diplomaticSupport", role = "lead",
            status = "completed", situationId = situation, mandateKind = "organizationDecision", mandateReference = "ECOWAS Authority, Lomé 1999",
            classification = "public", endOn = "1999-07-07",
        });
        await ecowas.CreateIdAsync("/api/v1/engagements", new
        {
            organization = "ECOWAS", areaCode = "peacekeeping", countryIso3 = "SLE", startOn = "1998-02-01", form = "jointOperation", role = "lead",
            status = "completed", situationId = situation, mandateKind = "organizationDecision", mandateReference = "ECOWAS decision of 1997",
            classification = "public", endOn = "1999-12-31", activity = "ECOMOG in Freetown",
        });

        var byForm = await ecowas.GetJsonAsync("/api/v1/division-of-labour?country=SLE&form=diplomaticSupport");
        Assert.All(byForm["matrix"]!.AsArray(), r => Assert.All(r!["cells"]!.AsObject(),
            c => Assert.All(c.Value!.AsArray(), e => Assert.Equal("diplomaticSupport", e!["form"].Str()))));
        var all = await ecowas.GetJsonAsync("/api/v1/division-of-labour?country=SLE");
        // The joint operation on the organization's own decision is flagged; the one under the Council's mandate is not.
        var flags = all["primacy"]!.AsArray().Select(f => f!["sentence"].Str()).ToList();
        Assert.Contains(flags, f => f.StartsWith("ECOWAS is a regional arrangement", StringComparison.Ordinal) && f.Contains("ECOWAS decision of 1997"));
        Assert.DoesNotContain(flags, f => f.Contains("S/RES/1497"));
        await (await ecowas.GetAsync("/api/v1/division-of-labour?organization=NOPE")).ExpectAsync(HttpStatusCode.BadRequest);
        await (await ecowas.GetAsync("/api/v1/division-of-labour?country=XXX")).ExpectAsync(HttpStatusCode.BadRequest);

        using var anonymous = App.Client();
        var (_, text) = await TextAsync(anonymous, "/api/v1/division-of-labour/article-54?from=1998-01-01&to=1999-12-31&format=markdown");
        Assert.Contains("ECOWAS", text);
        Assert.Contains("Articles 53–54", text);
        var (html, _) = await TextAsync(anonymous, "/api/v1/division-of-labour/article-54?from=1998-01-01&to=1999-12-31");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        await (await anonymous.GetAsync("/api/v1/division-of-labour/article-54?from=2000-01-01&to=1999-01-01")).ExpectAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/api/v1/division-of-labour/article-54?format=pdf")).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_confidential_engagement_stays_out_of_another_organizations_article_54_report()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var activity = $"Confidential deployment {Guid.NewGuid():N}";
        await ecowas.CreateIdAsync("/api/v1/engagements", new
        {
            organization = "ECOWAS", areaCode = "peacekeeping", countryIso3 = "GNB", startOn = "2012-05-01", form = "coDeployment", role = "lead",
            status = "active", mandateKind = "none", classification = "confidential", activity,
        });
        var (_, own) = await TextAsync(ecowas, "/api/v1/division-of-labour/article-54?from=2012-01-01&to=2012-12-31&format=markdown");
        Assert.Contains(activity, own);
        var (_, other) = await TextAsync(au, "/api/v1/division-of-labour/article-54?from=2012-01-01&to=2012-12-31&format=markdown");
        Assert.DoesNotContain(activity, other);
    }
}
