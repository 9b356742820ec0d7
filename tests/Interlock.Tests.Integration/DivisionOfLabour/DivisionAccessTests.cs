using System.Net;
using Interlock.Audit;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>
/// The access policy on every division-of-labour endpoint: confidential records stay with their owner and the partners a
/// confirmed sharing agreement names; others neither see (404) nor change (403/404) them; anonymous callers write nothing;
/// the situation timeline shows each reader only what they may read.
/// </summary>
public abstract class DivisionAccessTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DivisionAccessTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DivisionAccessTests(f), IClassFixture<PostgresFixture>;

    private static readonly string[] DivisionCategories = ["division.need", "division.engagement", "division.transition", "division.cooperation-record"];

    /// <summary>One record of each kind, all with the same classification, on a new situation of the owner's.</summary>
    private sealed record Records(Guid Situation, Guid Need, Guid Engagement, Guid Transition, Guid ItemId, Guid Cooperation)
    {
        public IEnumerable<(string List, string One)> Uris() =>
        [
            ($"/api/v1/needs?situation={Situation}", $"/api/v1/needs/{Need}"),
            ($"/api/v1/engagements?situation={Situation}", $"/api/v1/engagements/{Engagement}"),
            ($"/api/v1/transitions?situation={Situation}", $"/api/v1/transitions/{Transition}"),
            ($"/api/v1/cooperation-records?situation={Situation}", $"/api/v1/cooperation-records/{Cooperation}"),
        ];
    }

    private static async Task<Records> CreateAsync(HttpClient owner, string ownerCode, string country, string classification, Guid? situation = null)
    {
        var s = situation ?? await owner.SituationAsync(country);
        var need = await owner.CreateIdAsync("/api/v1/needs", DivisionCalls.Need(s, country, classification));
        var regional = await owner.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement(ownerCode, country, s, classification));
        var un = await owner.CreateIdAsync("/api/v1/engagements", DivisionCalls.Engagement("UN", country, s, classification, startOn: "2003-10-01"));
        var plan = await owner.CreatedAsync("/api/v1/transitions", DivisionCalls.Transition(s, regional, un, classification));
        var record = await owner.CreateIdAsync("/api/v1/cooperation-records", DivisionCalls.Cooperation([ownerCode, "UN"], s, country, classification));
        return new Records(s, need, regional, Guid.Parse(plan["id"].Str()), Guid.Parse(plan["items"]![0]!["id"].Str()), record);
    }

    private static async Task AssertReadableAsync(HttpClient client, Records r, bool readable)
    {
        foreach (var (list, one) in r.Uris())
        {
            var id = Guid.Parse(one[(one.LastIndexOf('/') + 1)..]);
            await (await client.GetAsync(one)).ExpectAsync(readable ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            Assert.Equal(readable, (await client.ListedAsync(list)).Contains(id));
        }
    }

    private static object Item => new { status = "done", owner = "UN", dueOn = "2003-09-01" };

    [Fact]
    public async Task Another_organization_can_neither_see_nor_change_a_confidential_record_of_any_kind()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, oas) = await App.ApiUserAsync("OAS", Role.OrgAdmin);
        var r = await CreateAsync(ecowas, "ECOWAS", "LBR", "confidential");
        await AssertReadableAsync(ecowas, r, readable: true);
        await AssertReadableAsync(oas, r, readable: false);

        // Writes answer 404 as well: the caller learns nothing of the record's existence.
        await (await oas.PutJsonAsync($"/api/v1/needs/{r.Need}", DivisionCalls.Need(r.Situation, "LBR"), "*")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.SendAsync(HttpMethod.Delete, $"/api/v1/needs/{r.Need}", ifMatch: "*")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.PostJsonAsync($"/api/v1/needs/{r.Need}/agreed-lead", new { leadOrganization = "OAS", allowNotEngaged = true }, "*"))
            .ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.PutJsonAsync($"/api/v1/engagements/{r.Engagement}", DivisionCalls.Engagement("OAS", "LBR", null), "*")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.SendAsync(HttpMethod.Delete, $"/api/v1/engagements/{r.Engagement}", ifMatch: "*")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.PutJsonAsync($"/api/v1/transitions/{r.Transition}/items/{r.ItemId}", Item, "*")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.PutJsonAsync($"/api/v1/cooperation-records/{r.Cooperation}", DivisionCalls.Cooperation(["OAS", "UN"], null, null), "*"))
            .ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.SendAsync(HttpMethod.Delete, $"/api/v1/cooperation-records/{r.Cooperation}", ifMatch: "*")).ExpectAsync(HttpStatusCode.NotFound);
        // Nor can it hang its own records on what it cannot see.
        Assert.Equal(["fromEngagementId", "toEngagementId"], (await (await oas.PostJsonAsync("/api/v1/transitions",
            DivisionCalls.Transition(r.Situation, r.Engagement, r.Engagement))).ProblemFieldsAsync()).Order());

        // Reading a confidential record is audited.
        var reads = await App.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.EntityId == r.Need.ToString("D") && a.Action == AuditActions.Read)));
        Assert.True(reads >= 1, "Expected the owner's read of the confidential need in the audit log.");
    }

    [Fact]
    public async Task Others_read_a_partners_record_but_only_the_owners_writers_change_it()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, oas) = await App.ApiUserAsync("OAS", Role.OrgAdmin);
        var (_, readOnly) = await App.ApiUserAsync("ECOWAS", Role.Contributor, TokenScope.Read);
        var r = await CreateAsync(ecowas, "ECOWAS", "LBR", "partners");
        await AssertReadableAsync(oas, r, readable: true);

        foreach (var client in new[] { oas, readOnly })
        {
            var etag = await client.ETagAsync($"/api/v1/needs/{r.Need}");
            await (await client.PutJsonAsync($"/api/v1/needs/{r.Need}", DivisionCalls.Need(r.Situation, "LBR"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.SendAsync(HttpMethod.Delete, $"/api/v1/needs/{r.Need}", ifMatch: etag)).ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync($"/api/v1/needs/{r.Need}/agreed-lead", new { leadOrganization = "ECOWAS" }, etag)).ExpectAsync(HttpStatusCode.Forbidden);
            etag = await client.ETagAsync($"/api/v1/engagements/{r.Engagement}");
            await (await client.PutJsonAsync($"/api/v1/engagements/{r.Engagement}", DivisionCalls.Engagement("ECOWAS", "LBR", null), etag)).ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.SendAsync(HttpMethod.Delete, $"/api/v1/engagements/{r.Engagement}", ifMatch: etag)).ExpectAsync(HttpStatusCode.Forbidden);
            etag = await client.ETagAsync($"/api/v1/transitions/{r.Transition}");
            await (await client.PutJsonAsync($"/api/v1/transitions/{r.Transition}/items/{r.ItemId}", Item, etag)).ExpectAsync(HttpStatusCode.Forbidden);
            etag = await client.ETagAsync($"/api/v1/cooperation-records/{r.Cooperation}");
            await (await client.PutJsonAsync($"/api/v1/cooperation-records/{r.Cooperation}", DivisionCalls.Cooperation(["ECOWAS", "UN"], null, null), etag))
                .ExpectAsync(HttpStatusCode.Forbidden);
            await (await client.SendAsync(HttpMethod.Delete, $"/api/v1/cooperation-records/{r.Cooperation}", ifMatch: etag)).ExpectAsync(HttpStatusCode.Forbidden);
        }
        await (await readOnly.PostJsonAsync("/api/v1/needs", DivisionCalls.Need(r.Situation, "LBR"))).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnly.PostJsonAsync("/api/v1/cooperation-records", DivisionCalls.Cooperation(["ECOWAS", "UN"], null, null))).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_confirmed_sharing_agreement_lets_the_named_partner_read_confidential_records_and_nobody_else()
    {
        // IGAD and the UN in Sudan; the agreement names IGAD and the EU for the four division-of-labour categories.
        var (_, igad) = await App.ApiUserAsync("IGAD", Role.Contributor);
        var (_, igadAdmin) = await App.ApiUserAsync("IGAD", Role.OrgAdmin);
        var (_, euAdmin) = await App.ApiUserAsync("EU", Role.OrgAdmin);
        var (_, eu) = await App.ApiUserAsync("EU", Role.Reader);
        var (_, asean) = await App.ApiUserAsync("ASEAN", Role.Reader);
        var r = await CreateAsync(igad, "IGAD", "SDN", "confidential");

        var agreement = await igadAdmin.CreateAgreementAsync(["IGAD", "EU"], App.Clock.Today.AddDays(-1), null, dataCategories: DivisionCategories);
        await AssertReadableAsync(eu, r, readable: false);
        await euAdmin.ConfirmAgreementAsync(Guid.Parse(agreement["id"].Str()));
        await AssertReadableAsync(eu, r, readable: true);
        await AssertReadableAsync(asean, r, readable: false);
        // Reading is not changing: the partner's writers still may not.
        var etag = await euAdmin.ETagAsync($"/api/v1/needs/{r.Need}");
        await (await euAdmin.PutJsonAsync($"/api/v1/needs/{r.Need}", DivisionCalls.Need(r.Situation, "SDN"), etag)).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_see_only_public_records_and_change_nothing()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        using var anonymous = App.Client();
        var situation = await au.SituationAsync("SDN", "public");
        var shared = await CreateAsync(au, "AU", "SDN", "partners", situation);
        var open = await CreateAsync(au, "AU", "SDN", "public", situation);
        await AssertReadableAsync(anonymous, shared, readable: false);
        await AssertReadableAsync(anonymous, open, readable: true);

        var writes = new (HttpMethod Method, string Uri, object? Body)[]
        {
            (HttpMethod.Post, "/api/v1/needs", DivisionCalls.Need(situation, "SDN")),
            (HttpMethod.Put, $"/api/v1/needs/{open.Need}", DivisionCalls.Need(situation, "SDN")),
            (HttpMethod.Delete, $"/api/v1/needs/{open.Need}", null),
            (HttpMethod.Post, $"/api/v1/needs/{open.Need}/agreed-lead", new { leadOrganization = "AU" }),
            (HttpMethod.Post, "/api/v1/engagements", DivisionCalls.Engagement("AU", "SDN", situation)),
            (HttpMethod.Put, $"/api/v1/engagements/{open.Engagement}", DivisionCalls.Engagement("AU", "SDN", situation)),
            (HttpMethod.Delete, $"/api/v1/engagements/{open.Engagement}", null),
            (HttpMethod.Post, "/api/v1/transitions", DivisionCalls.Transition(situation, open.Engagement, open.Engagement)),
            (HttpMethod.Put, $"/api/v1/transitions/{open.Transition}/items/{open.ItemId}", Item),
            (HttpMethod.Post, "/api/v1/cooperation-records", DivisionCalls.Cooperation(["AU", "UN"], situation, null)),
            (HttpMethod.Put, $"/api/v1/cooperation-records/{open.Cooperation}", DivisionCalls.Cooperation(["AU", "UN"], situation, null)),
            (HttpMethod.Delete, $"/api/v1/cooperation-records/{open.Cooperation}", null),
        };
        foreach (var (method, uri, body) in writes)
            await (await anonymous.SendAsync(method, uri, body is null ? null : Http.Json(body), "*")).ExpectAsync(HttpStatusCode.Unauthorized);
        await AssertReadableAsync(anonymous, open, readable: true);
    }

    [Fact]
    public async Task The_situation_timeline_shows_cooperation_transitions_and_engagements_to_authorized_readers_only()
    {
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var (_, oas) = await App.ApiUserAsync("OAS", Role.Reader);
        var r = await CreateAsync(ecowas, "ECOWAS", "LBR", "confidential");
        var etag = await ecowas.ETagAsync($"/api/v1/transitions/{r.Transition}");
        await (await ecowas.PutJsonAsync($"/api/v1/transitions/{r.Transition}/items/{r.ItemId}", Item, etag)).ExpectAsync(HttpStatusCode.OK);
        var shared = await ecowas.CreateIdAsync("/api/v1/cooperation-records", DivisionCalls.Cooperation(["ECOWAS", "UN"], r.Situation, "LBR", "partners", "2003-07-01"));
        var uri = $"/api/v1/situations/{r.Situation}/timeline?type=cooperation,transition,engagement";

        var mine = (await ecowas.GetJsonAsync(uri)).AsArray();
        Assert.Equal(["cooperation", "engagement", "transition"], mine.Select(e => e!["type"].Str()).ToHashSet().Order());
        Assert.Equal(2, mine.Count(e => e!["type"].Str() == "cooperation"));
        Assert.Contains(mine, e => e!["title"].Str() == "Transition target: ECOMIL to UNMIL" && e["date"].Str() == "2003-10-01");
        Assert.Contains(mine, e => e!["title"].Str().StartsWith("Done: ", StringComparison.Ordinal) && e["date"].Str() == App.Clock.Today.ToString("yyyy-MM-dd"));
        Assert.Equal(6, mine.Count(e => e!["title"].Str().StartsWith("Overdue: ", StringComparison.Ordinal)));
        Assert.Contains(mine, e => e!["title"].Str().StartsWith("Starts: ECOWAS", StringComparison.Ordinal));

        var theirs = (await oas.GetJsonAsync(uri)).AsArray();
        var only = Assert.Single(theirs)!;
        Assert.Equal("cooperation", only["type"].Str());
        Assert.Equal($"/api/v1/cooperation-records/{shared}", only["link"].Str());
    }
}
