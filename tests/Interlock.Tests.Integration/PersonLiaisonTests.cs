using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.RegistryTestHelpers;

namespace Interlock.Tests.Integration;

/// <summary>Exactly one high-level liaison official per organization [2005 §7], enforced through the API.</summary>
public abstract class PersonLiaisonTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : PersonLiaisonTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : PersonLiaisonTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Naming_a_new_liaison_official_ends_the_previous_term_that_day_and_leaves_exactly_one_current()
    {
        var org = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var today = App.Clock.Today;
        var first = await writer.CreatePersonAsync("partners", "First Liaison");
        var second = await writer.CreatePersonAsync("partners", "Second Liaison");

        var firstRole = await (await writer.AddRoleAsync(first, new { kind = "liaisonOfficial", start = Day(today.AddDays(-200)) }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(first, (await writer.GetJsonAsync($"/api/v1/organizations/{org}/liaison"))["id"]!.GetValue<Guid>());
        var firstEtag = (await writer.GetAsync($"/api/v1/people/{first}")).ETag();

        // The successor from today: the first term ends today (terms are half-open, so only the successor is current today).
        await (await writer.AddRoleAsync(second, new { kind = "liaisonOfficial", start = Day(today) })).ExpectAsync(HttpStatusCode.Created);
        var firstNow = await writer.GetAsync($"/api/v1/people/{first}");
        var ended = (await firstNow.JsonAsync())["roles"]!.AsArray().Single()!;
        Assert.Equal(firstRole["id"]!.GetValue<Guid>(), ended["id"]!.GetValue<Guid>());
        Assert.Equal(Day(today), ended["end"].Str());
        Assert.False(ended["current"]!.GetValue<bool>());
        // The predecessor's record changed, so its ETag moved on.
        Assert.NotEqual(firstEtag, firstNow.ETag());

        Assert.Equal(second, (await writer.GetJsonAsync($"/api/v1/organizations/{org}/liaison"))["id"]!.GetValue<Guid>());
        Assert.Equal([second], await writer.ItemIdsAsync($"/api/v1/people?organization={org}&role=liaisonOfficial"));

        // Yesterday, the first was the one.
        App.Clock.SetToday(today.AddDays(-1));
        Assert.Equal(first, (await writer.GetJsonAsync($"/api/v1/organizations/{org}/liaison"))["id"]!.GetValue<Guid>());
        Assert.Equal([first], await writer.ItemIdsAsync($"/api/v1/people?organization={org}&role=liaisonOfficial"));
        App.Clock.Reset();

        // A third cannot be slipped in before the current term began, and the first term cannot be reopened.
        var third = await writer.CreatePersonAsync("partners", "Third Liaison");
        Assert.Equal(["start"], await (await writer.AddRoleAsync(third, new { kind = "liaisonOfficial", start = Day(today.AddDays(-5)) })).ProblemFieldsAsync());
        var reopen = await writer.PutJsonAsync($"/api/v1/people/{first}/roles/{ended["id"]!.GetValue<Guid>()}", new { end = (string?)null },
            firstNow.ETag());
        Assert.Equal(["end"], await reopen.ProblemFieldsAsync());
        Assert.Equal([second], await writer.ItemIdsAsync($"/api/v1/people?organization={org}&role=liaisonOfficial"));
    }

    [Fact]
    public async Task Simultaneous_appointments_leave_exactly_one_liaison_official()
    {
        var org = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var start = App.Clock.Today;
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++) people.Add(await writer.CreatePersonAsync("partners", $"Candidate {i}"));

        var responses = await Task.WhenAll(people.Select(p => writer.AddRoleAsync(p, new { kind = "liaisonOfficial", start = Day(start) })));
        // The first appointment wins; the others name a successor on a day a term already starts, which is refused.
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Single(await writer.ItemIdsAsync($"/api/v1/people?organization={org}&role=liaisonOfficial"));
    }

    [Fact]
    public async Task A_term_ends_by_setting_its_end_with_the_persons_ETag()
    {
        var org = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var today = App.Clock.Today;
        var person = await writer.CreatePersonAsync("partners", "Leaving Liaison");
        var role = await (await writer.AddRoleAsync(person, new { kind = "liaisonOfficial", start = Day(today.AddDays(-30)) }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var uri = $"/api/v1/people/{person}/roles/{role["id"]!.GetValue<Guid>()}";
        var etag = (await writer.GetAsync($"/api/v1/people/{person}")).ETag();

        await (await writer.PutJsonAsync(uri, new { end = Day(today) })).ExpectAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await writer.PutJsonAsync(uri, new { end = Day(today) }, etag)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.False(updated["current"]!.GetValue<bool>());
        await (await writer.GetAsync($"/api/v1/organizations/{org}/liaison")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_liaison_official_is_shown_only_to_those_who_may_read_the_person()
    {
        var org = await App.NewOrganizationAsync();
        var other = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var (_, outsider) = await App.ApiUserAsync(other, Role.Reader);
        var person = await writer.CreatePersonAsync("confidential", "Discreet Liaison");
        await (await writer.AddRoleAsync(person, new { kind = "liaisonOfficial", start = Day(App.Clock.Today) })).ExpectAsync(HttpStatusCode.Created);

        await (await writer.GetAsync($"/api/v1/organizations/{org}/liaison")).ExpectAsync(HttpStatusCode.OK);
        await (await outsider.GetAsync($"/api/v1/organizations/{org}/liaison")).ExpectAsync(HttpStatusCode.NotFound);
        using var anonymous = App.Client();
        await (await anonymous.GetAsync($"/api/v1/organizations/{org}/liaison")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_organization_cannot_give_roles_to_a_person()
    {
        var org = await App.NewOrganizationAsync();
        var other = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(org, Role.Contributor);
        var (_, otherAdmin) = await App.ApiUserAsync(other, Role.OrgAdmin);
        var visible = await writer.CreatePersonAsync("partners");
        var hidden = await writer.CreatePersonAsync("confidential");
        var role = new { kind = "liaisonOfficial", start = Day(App.Clock.Today) };
        await (await otherAdmin.AddRoleAsync(visible, role)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await otherAdmin.AddRoleAsync(hidden, role)).ExpectAsync(HttpStatusCode.NotFound);
        await (await writer.GetAsync($"/api/v1/organizations/{org}/liaison")).ExpectAsync(HttpStatusCode.NotFound);
    }
}
