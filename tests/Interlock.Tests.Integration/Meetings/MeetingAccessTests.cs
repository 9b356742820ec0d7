using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>
/// The access policy on every meetings endpoint: public history for everyone, confidential records hidden from other
/// organizations (404, no existence leak) in lists, details, the report and the feeds, and writes only by the owner's writers.
/// </summary>
public abstract class MeetingAccessTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : MeetingAccessTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : MeetingAccessTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Another_organization_cannot_read_a_confidential_decision_anywhere()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, oas) = await App.ApiUserAsync("OAS", Role.OrgAdmin);
        var meeting = await au.CreateMeetingAsync("partners");
        var secret = await au.CreateDecisionAsync(meeting.Id(), ["AU"], classification: "confidential", dueOn: "2020-01-01");
        var id = secret.Id();

        await (await au.GetAsync($"/api/v1/decisions/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await oas.GetAsync($"/api/v1/decisions/{id}")).ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id.ToString(), (await oas.GetJsonAsync($"/api/v1/decisions?meeting={meeting.Id()}")).ToJsonString());
        Assert.DoesNotContain(id.ToString(), (await oas.GetJsonAsync($"/api/v1/meetings/{meeting.Id()}")).ToJsonString());
        Assert.DoesNotContain(id.ToString(), (await oas.GetJsonAsync($"/api/v1/standing-committee/report?meeting={meeting.Id()}")).ToJsonString());
        Assert.DoesNotContain(id.ToString(), await (await oas.GetAsync($"/api/v1/standing-committee/report.csv?meeting={meeting.Id()}")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(id.ToString(), await (await oas.GetAsync($"/api/v1/standing-committee/report.html?meeting={meeting.Id()}")).Content.ReadAsStringAsync());
        Assert.Contains(id.ToString(), (await au.GetJsonAsync($"/api/v1/standing-committee/report?meeting={meeting.Id()}")).ToJsonString());
        // A change by someone who may not see it is a 404 too.
        await (await oas.PostJsonAsync($"/api/v1/decisions/{id}/status", new { status = "lapsed" }, "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
        await (await oas.PostJsonAsync($"/api/v1/decisions/{id}/evidence", new { note = "x" }, "\"0\"")).ExpectAsync(HttpStatusCode.NotFound);
        // The public feed never carries it.
        using var anonymous = App.Client();
        Assert.DoesNotContain(id.ToString(), await anonymous.GetStringAsync("/feeds/public.atom"));
    }

    [Fact]
    public async Task Another_organization_can_read_a_partners_decision_but_cannot_change_it()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, oas) = await App.ApiUserAsync("OAS", Role.OrgAdmin);
        var (_, auReader) = await App.ApiUserAsync("AU", Role.Reader);
        var (auWriterUser, _) = await App.ApiUserAsync("AU", Role.Contributor);
        using var readOnlyToken = App.Client(await App.CreateTokenAsync(auWriterUser, TokenScope.Read));
        var meeting = await au.CreateMeetingAsync();
        var id = (await au.CreateDecisionAsync(meeting.Id(), ["AU", "OAS"])).Id();

        await (await oas.GetAsync($"/api/v1/decisions/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await oas.ChangeStatusAsync(id, new { status = "inProgress" })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await auReader.ChangeStatusAsync(id, new { status = "inProgress" })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await readOnlyToken.ChangeStatusAsync(id, new { status = "inProgress" })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await oas.PutJsonAsync($"/api/v1/meetings/{meeting.Id()}", new { kind = "workingLevel", title = "Taken over", startsOn = "2026-03-10", classification = "partners" }, "\"0\""))
            .ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("agreed", (await au.GetJsonAsync($"/api/v1/decisions/{id}"))["status"].Str());
        // Its own writer may.
        await (await au.ChangeStatusAsync(id, new { status = "inProgress" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_visitors_see_the_public_history_and_nothing_else()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var partnersMeeting = await au.CreateMeetingAsync("partners");
        using var anonymous = App.Client();

        var meetings = await anonymous.GetJsonAsync("/api/v1/meetings?limit=500");
        Assert.All(meetings["items"]!.AsArray(), m => Assert.Equal("public", m!["classification"].Str()));
        Assert.True(meetings["total"]!.GetValue<int>() >= 8);
        await (await anonymous.GetAsync($"/api/v1/meetings/{partnersMeeting.Id()}")).ExpectAsync(HttpStatusCode.NotFound);
        var decisions = await anonymous.GetJsonAsync("/api/v1/decisions?limit=500");
        Assert.All(decisions["items"]!.AsArray(), d => Assert.Equal("public", d!["classification"].Str()));
        await (await anonymous.GetAsync("/api/v1/standing-committee/report")).ExpectAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/api/v1/meetings/alignment")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(partnersMeeting.Id().ToString(), await anonymous.GetStringAsync("/feeds/meetings.ics"));
        // Pages answer too, and hide what the visitor may not see.
        await (await anonymous.GetAsync("/meetings")).ExpectAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/decisions")).ExpectAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/standing-committee")).ExpectAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync($"/meetings/{partnersMeeting.Id()}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_writers_record_meetings_and_only_the_administrator_runs_the_periodic_work()
    {
        var (_, reader) = await App.ApiUserAsync("AU", Role.Reader);
        await (await reader.PostJsonAsync("/api/v1/meetings", new { kind = "workingLevel", title = "x", startsOn = "2026-03-10", classification = "partners" }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        var (_, orgAdmin) = await App.ApiUserAsync("AU", Role.OrgAdmin);
        await (await orgAdmin.PostJsonAsync("/api/v1/standing-committee/run", new { })).ExpectAsync(HttpStatusCode.Forbidden);
        using var admin = App.Client(await App.CreateTokenAsync(await App.CreateUserAsync("UN", Role.Administrator)));
        await (await admin.PostJsonAsync("/api/v1/standing-committee/run", new { })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Confidential_reads_are_audited()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync("confidential");
        var before = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, a => a.Action == "read" && a.EntityId == meeting.Id().ToString()));
        await (await au.GetAsync($"/api/v1/meetings/{meeting.Id()}")).ExpectAsync(HttpStatusCode.OK);
        var after = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, a => a.Action == "read" && a.EntityId == meeting.Id().ToString()));
        Assert.True(after > before);
    }
}
