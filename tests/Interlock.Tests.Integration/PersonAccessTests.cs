using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.RegistryTestHelpers;

namespace Interlock.Tests.Integration;

/// <summary>
/// Contacts are personal data: never public, and a Confidential person is readable by another organization only while
/// an information-sharing agreement covering contacts is in force.
/// </summary>
public abstract class PersonAccessTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : PersonAccessTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : PersonAccessTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Contacts_are_invisible_to_anonymous_callers_and_confidential_ones_to_organizations_without_an_agreement()
    {
        var a = await App.NewOrganizationAsync();
        var c = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var partners = await writer.CreatePersonAsync("partners");
        var confidential = await writer.CreatePersonAsync("confidential");
        var strict = await writer.CreatePersonAsync("strictlyConfidential");
        var (_, outsider) = await App.ApiUserAsync(c, Role.OrgAdmin);
        using var anonymous = App.Client();

        // Anonymous: the people API needs a signed-in caller at all.
        await (await anonymous.GetAsync($"/api/v1/people?organization={a}")).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/people/{partners}")).ExpectAsync(HttpStatusCode.Unauthorized);

        // Another organization with no agreement: Partners-level contacts only; the others are 404 (no existence leak).
        Assert.Equal([partners], await outsider.ItemIdsAsync($"/api/v1/people?organization={a}"));
        await (await outsider.GetAsync($"/api/v1/people/{partners}")).ExpectAsync(HttpStatusCode.OK);
        await (await outsider.GetAsync($"/api/v1/people/{confidential}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/v1/people/{strict}")).ExpectAsync(HttpStatusCode.NotFound);

        // The owner sees all three, contact details included.
        Assert.Equal(3, (await writer.ItemIdsAsync($"/api/v1/people?organization={a}")).Count);
        var own = await writer.GetJsonAsync($"/api/v1/people/{confidential}");
        Assert.Equal("someone@example.org", own["email"].Str());
        Assert.Equal(a, own["organization"].Str());
    }

    [Fact]
    public async Task A_confidential_person_is_readable_by_a_partner_from_the_day_an_agreement_enters_into_force_until_the_day_it_ends()
    {
        var a = await App.NewOrganizationAsync();
        var b = await App.NewOrganizationAsync();
        var c = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var person = await writer.CreatePersonAsync("confidential", "Amina Confidential");
        var (_, partner) = await App.ApiUserAsync(b, Role.Reader);
        var (_, outsider) = await App.ApiUserAsync(c, Role.Reader);

        var today = App.Clock.Today;
        var from = today.AddDays(10);
        var to = today.AddDays(20);
        await App.SharingAgreementAsync(a, b, from, to, ["registry.contact"]);

        foreach (var (day, readable) in new[] { (from.AddDays(-1), false), (from, true), (to, true), (to.AddDays(1), false) })
        {
            App.Clock.SetToday(day);
            var expected = readable ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            await (await partner.GetAsync($"/api/v1/people/{person}")).ExpectAsync(expected);
            Assert.Equal(readable, (await partner.ItemIdsAsync($"/api/v1/people?organization={a}")).Contains(person));
            // An organization outside the agreement never reads it.
            await (await outsider.GetAsync($"/api/v1/people/{person}")).ExpectAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task An_agreement_that_does_not_cover_contacts_or_stops_at_partners_level_opens_nothing()
    {
        var a = await App.NewOrganizationAsync();
        var b = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var person = await writer.CreatePersonAsync("confidential");
        var today = App.Clock.Today;
        await App.SharingAgreementAsync(a, b, today, null, ["knowledge.document"]);
        await App.SharingAgreementAsync(a, b, today, null, ["registry.contact"], ceiling: "partners");
        var (_, partner) = await App.ApiUserAsync(b, Role.Reader);
        await (await partner.GetAsync($"/api/v1/people/{person}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_a_confidential_contact_is_audited()
    {
        var a = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var person = await writer.CreatePersonAsync("confidential");
        await writer.GetJsonAsync($"/api/v1/people/{person}");
        await writer.GetJsonAsync($"/api/v1/people?organization={a}");
        var reads = await App.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Count(e => e.Action == Interlock.Audit.AuditActions.Read && e.EntityId == person.ToString("D"))));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task People_are_never_public_and_bad_fields_are_named()
    {
        var a = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var response = await writer.PostJsonAsync("/api/v1/people", new { fullName = " ", classification = "public", languages = new[] { "French" }, email = "nope" });
        Assert.Equal(["classification", "email", "fullName", "languages"], (await response.ProblemFieldsAsync()).Order());
        Assert.Empty(await writer.ItemIdsAsync($"/api/v1/people?organization={a}"));

        // The default classification is Partners.
        var created = await (await writer.PostJsonAsync("/api/v1/people", new { fullName = "Kofi Default" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("partners", created["classification"].Str());
    }

    [Fact]
    public async Task Only_the_owning_organizations_writers_change_a_person_with_the_current_ETag()
    {
        var a = await App.NewOrganizationAsync();
        var b = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var (_, reader) = await App.ApiUserAsync(a, Role.Reader);
        var (_, otherAdmin) = await App.ApiUserAsync(b, Role.OrgAdmin);
        var person = await writer.CreatePersonAsync("partners", "Original Name");
        var read = await writer.GetAsync($"/api/v1/people/{person}");
        var etag = read.ETag();
        var change = new { fullName = "New Name", classification = "partners", languages = new[] { "ar" } };

        await (await otherAdmin.PutJsonAsync($"/api/v1/people/{person}", change, etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync($"/api/v1/people/{person}", change, etag)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await writer.PutJsonAsync($"/api/v1/people/{person}", change)).ExpectAsync(HttpStatusCode.PreconditionRequired);
        await (await writer.PutJsonAsync($"/api/v1/people/{person}", change, "\"999\"")).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var updated = await writer.PutJsonAsync($"/api/v1/people/{person}", change, etag);
        var body = await updated.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("New Name", body["fullName"].Str());
        Assert.NotEqual(etag, updated.ETag());

        await (await otherAdmin.SendAsync(HttpMethod.Delete, $"/api/v1/people/{person}", ifMatch: updated.ETag())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await writer.SendAsync(HttpMethod.Delete, $"/api/v1/people/{person}", ifMatch: updated.ETag())).ExpectAsync(HttpStatusCode.NoContent);
        await (await writer.GetAsync($"/api/v1/people/{person}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task People_filter_by_role_purpose_and_name()
    {
        var a = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var today = App.Clock.Today;
        var warner = await writer.CreatePersonAsync("partners", "Zainab Warner");
        await writer.AddFocalPointAsync(warner, today.AddDays(-10));
        var disseminator = await writer.CreatePersonAsync("partners", "Yusuf Disseminator");
        await writer.AddFocalPointAsync(disseminator, today.AddDays(-10), purpose: "dissemination");
        var former = await writer.CreatePersonAsync("partners", "Xavier Former");
        await writer.AddFocalPointAsync(former, today.AddDays(-100), today.AddDays(-1));
        var officer = await writer.CreatePersonAsync("partners", "Wanjiru Officer");
        await (await writer.AddRoleAsync(officer, new { kind = "staffOfficer", countryIso3 = "mli", areaCode = "mediation", start = Day(today) }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal([warner], await writer.ItemIdsAsync($"/api/v1/people?organization={a}&purpose=earlyWarning"));
        Assert.Equal([disseminator, warner], await writer.ItemIdsAsync($"/api/v1/people?organization={a}&role=focalPoint"));
        Assert.Equal([officer], await writer.ItemIdsAsync($"/api/v1/people?organization={a}&role=staffOfficer"));
        Assert.Equal([former], await writer.ItemIdsAsync($"/api/v1/people?organization={a}&q=FORMER"));
        Assert.Equal(["role"], await (await writer.GetAsync("/api/v1/people?role=emperor")).ProblemFieldsAsync());
        var page = await writer.GetJsonAsync($"/api/v1/people?organization={a}&limit=2&offset=1");
        Assert.Equal(4, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Roles_name_their_bad_fields()
    {
        var a = await App.NewOrganizationAsync();
        var (_, writer) = await App.ApiUserAsync(a, Role.Contributor);
        var person = await writer.CreatePersonAsync("partners");
        async Task<IReadOnlyList<string>> Fields(object role) => (await (await writer.AddRoleAsync(person, role)).ProblemFieldsAsync()).Order().ToList();

        Assert.Equal(["kind", "start"], await Fields(new { }));
        Assert.Equal(["purpose"], await Fields(new { kind = "focalPoint", start = "2026-01-01" }));
        Assert.Equal(["areaCode", "countryIso3"], await Fields(new { kind = "staffOfficer", countryIso3 = "XXX", areaCode = "nope", start = "2026-01-01" }));
        Assert.Equal(["regionCode"], await Fields(new { kind = "staffOfficer", regionCode = "999", areaCode = "mediation", start = "2026-01-01" }));
        Assert.Equal(["end"], await Fields(new { kind = "liaisonOfficial", start = "2026-01-01", end = "2025-01-01" }));
        Assert.Equal(["kind"], await Fields(new { kind = "emperor", start = "2026-01-01" }));
        Assert.Empty((await writer.GetJsonAsync($"/api/v1/people/{person}"))["roles"]!.AsArray());
    }
}
