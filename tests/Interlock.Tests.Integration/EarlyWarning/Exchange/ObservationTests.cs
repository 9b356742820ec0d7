using System.Net;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.EarlyWarning.Exchange;

/// <summary>Observations end to end: the access policy, revisions keeping history, the reported indicator value, tokens. A = AU, B = ECOWAS.</summary>
public abstract class ObservationTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : ObservationTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : ObservationTests(f), IClassFixture<PostgresFixture>;

    private const string A = "AU", B = "ECOWAS";

    [Fact]
    public async Task A_confidential_observation_is_hidden_from_another_organization_until_an_agreement_covers_the_category()
    {
        var (_, a) = await App.ApiUserAsync(A, Role.Contributor);
        var (_, b) = await App.ApiUserAsync(B, Role.Contributor);
        var id = (await a.SubmitObservationAsync(ExchangeCalls.Observation("confidential", ExchangeCalls.UniqueMonth())))["id"]!.GetValue<Guid>();

        await (await b.GetAsync($"/api/v1/observations/{id}")).ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await ListedAsync(b));
        // Nor can it be changed: it does not exist for B.
        await (await b.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(5), "*")).ExpectAsync(HttpStatusCode.NotFound);

        // An agreement that covers documents only opens nothing here.
        var (_, aAdmin) = await App.ApiUserAsync(A, Role.OrgAdmin);
        var (_, bAdmin) = await App.ApiUserAsync(B, Role.OrgAdmin);
        var docs = await aAdmin.CreateAgreementAsync([A, B], App.Clock.Today, null);
        await bAdmin.ConfirmAgreementAsync(docs["id"]!.GetValue<Guid>());
        await (await b.GetAsync($"/api/v1/observations/{id}")).ExpectAsync(HttpStatusCode.NotFound);

        var obs = await aAdmin.CreateAgreementAsync([A, B], App.Clock.Today, null, dataCategories: [Categories.Observation]);
        await bAdmin.ConfirmAgreementAsync(obs["id"]!.GetValue<Guid>());
        var read = await b.GetAsync($"/api/v1/observations/{id}");
        await read.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(id, await ListedAsync(b));
        // Reading is not writing: another organization's observation cannot be revised.
        await (await b.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(5), read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revision_keeps_the_history_and_moves_the_reported_indicator_value()
    {
        var (_, a) = await App.ApiUserAsync(A, Role.Contributor);
        var month = ExchangeCalls.UniqueMonth();
        var created = await a.SubmitObservationAsync(ExchangeCalls.Observation("partners", month, value: 900));
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal(1, created["revision"]!.GetValue<int>());

        // If-Match is required, and must be current.
        await (await a.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(12000))).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await a.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(12000), "\"99\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var etag = (await a.GetAsync($"/api/v1/observations/{id}")).ETag();
        var revised = await (await a.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(12000), etag)).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 12000d), (revised["revision"]!.GetValue<int>(), revised["value"]!.GetValue<double>()));
        // The old ETag no longer works: a second client's stale correction is refused.
        await (await a.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(13000), etag)).ExpectAsync(HttpStatusCode.PreconditionFailed);

        var history = (await a.GetJsonAsync($"/api/v1/observations/{id}"))["revisions"]!.AsArray();
        Assert.Equal([900d, 12000d], history.Select(r => r!["value"]!.GetValue<double>()));
        Assert.Null(history[0]!["correction"]);
        Assert.Equal("Late reports", history[1]!["correction"].Str());

        var values = await App.WithDbAsync(db => db.IndicatorValues.AsNoTracking().Where(v => v.ObservationId == id).ToListAsync());
        var value = Assert.Single(values);
        Assert.Equal((12000d, RiskLevel.Warning), (value.Value, value.Level));
        Assert.Contains("Warning threshold of 10,000", value.Reason);
        Assert.Equal(await App.OrganizationIdAsync(A), value.OwnerOrganizationId);
        var rows = await App.WithDbAsync(db => db.ObservationRevisions.CountAsync(r => r.ObservationId == id));
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task A_second_submission_of_the_same_subject_is_a_conflict_and_bad_fields_are_named()
    {
        var (_, a) = await App.ApiUserAsync(A, Role.Contributor);
        var month = ExchangeCalls.UniqueMonth();
        var id = (await a.SubmitObservationAsync(ExchangeCalls.Observation("public", month)))["id"]!.GetValue<Guid>();
        var again = await (await a.PostJsonAsync("/api/v1/observations", ExchangeCalls.Observation("public", month))).ExpectJsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(id, again["existingId"]!.GetValue<Guid>());

        var bad = await a.PostJsonAsync("/api/v1/observations", ExchangeCalls.Observation("public", month, indicator: "sb-fatalities", country: "XYZ"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Superset(new HashSet<string> { "indicator", "country" }, (await bad.ProblemFieldsAsync()).ToHashSet());
    }

    [Fact]
    public async Task A_read_token_reads_but_cannot_submit_or_revise_and_a_Reader_cannot_submit()
    {
        var user = await App.CreateUserAsync(A, Role.Contributor);
        using var writer = App.Client(await App.CreateTokenAsync(user, TokenScope.Write));
        using var readOnly = App.Client(await App.CreateTokenAsync(user, TokenScope.Read));
        var id = (await writer.SubmitObservationAsync(ExchangeCalls.Observation("strictlyConfidential", ExchangeCalls.UniqueMonth())))["id"]!.GetValue<Guid>();

        var read = await readOnly.GetAsync($"/api/v1/observations/{id}");
        await read.ExpectAsync(HttpStatusCode.OK);
        await (await readOnly.PostJsonAsync("/api/v1/observations", ExchangeCalls.Observation("public", ExchangeCalls.UniqueMonth())))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(1), read.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.UploadCsvAsync("indicator\n")).ExpectAsync(HttpStatusCode.Forbidden);

        var (_, reader) = await App.ApiUserAsync(A, Role.Reader);
        await (await reader.PostJsonAsync("/api/v1/observations", ExchangeCalls.Observation("public", ExchangeCalls.UniqueMonth())))
            .ExpectAsync(HttpStatusCode.Forbidden);
        using var anonymous = App.Client();
        await (await anonymous.GetAsync($"/api/v1/observations/{id}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_more_restricted_earlier_revision_stays_hidden_from_partners()
    {
        var (_, a) = await App.ApiUserAsync(A, Role.Contributor);
        var (_, b) = await App.ApiUserAsync(B, Role.Reader);
        var id = (await a.SubmitObservationAsync(ExchangeCalls.Observation("strictlyConfidential", ExchangeCalls.UniqueMonth(), value: 7)))["id"]!.GetValue<Guid>();
        var etag = (await a.GetAsync($"/api/v1/observations/{id}")).ETag();
        await (await a.PostJsonAsync($"/api/v1/observations/{id}/revisions", Revision(8, "partners"), etag)).ExpectAsync(HttpStatusCode.Created);

        var seen = (await b.GetJsonAsync($"/api/v1/observations/{id}"))["revisions"]!.AsArray();
        Assert.Equal([2], seen.Select(r => r!["number"]!.GetValue<int>()));
        Assert.Equal(2, (await a.GetJsonAsync($"/api/v1/observations/{id}"))["revisions"]!.AsArray().Count);
    }

    private static object Revision(double value, string classification = "partners") => new
    {
        value, source = "OCHA situation report", sourceReliability = "A", informationCredibility = 1, note = (string?)null, classification,
        correction = "Late reports",
    };

    private static async Task<HashSet<Guid>> ListedAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/observations?owner=AU&limit=500");
        return page["items"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).ToHashSet();
    }
}
