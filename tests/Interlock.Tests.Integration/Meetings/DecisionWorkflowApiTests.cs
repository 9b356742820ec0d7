using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>The status workflow through the API: allowed changes, evidence, history with who and when, If-Match, bad input.</summary>
public abstract class DecisionWorkflowApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DecisionWorkflowApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DecisionWorkflowApiTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task A_decision_goes_from_agreed_to_implemented_with_evidence_and_keeps_its_history()
    {
        var (user, au) = await App.ApiUserAsync("AU", Role.Contributor, name: "au-secretariat");
        var meeting = await au.CreateMeetingAsync();
        var decision = await au.CreateDecisionAsync(meeting.Id(), ["AU", "ECOWAS"], dueOn: "2030-01-01");
        var id = decision.Id();
        Assert.Equal("agreed", decision["status"].Str());
        Assert.Equal(["ECOWAS", "AU"], decision["owners"]!.AsArray().Select(o => o.Str()).OrderDescending());

        await (await au.ChangeStatusAsync(id, new { status = "inProgress", note = "Lists being compiled" })).ExpectAsync(HttpStatusCode.OK);

        // Implemented without evidence is refused, naming the field; nothing changes.
        var refused = await au.ChangeStatusAsync(id, new { status = "implemented" });
        Assert.Contains("evidence", await refused.ProblemFieldsAsync());
        Assert.Equal("inProgress", (await au.GetJsonAsync($"/api/v1/decisions/{id}"))["status"].Str());

        var done = await (await au.ChangeStatusAsync(id, new
        {
            status = "implemented", note = "Lists exchanged",
            evidence = new { url = "https://example.org/lists-exchanged", note = "Exchange of letters" },
        })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("implemented", done["status"].Str());
        Assert.Empty(done["allowedNext"]!.AsArray());
        var evidence = Assert.Single(done["evidence"]!.AsArray());
        Assert.Equal("https://example.org/lists-exchanged", evidence!["url"].Str());
        var history = done["history"]!.AsArray();
        Assert.Equal(3, history.Count); // recorded, in progress, implemented
        Assert.Equal(["agreed", "inProgress", "implemented"], history.Select(h => h!["to"].Str()));
        Assert.All(history, h => Assert.Equal(user.UserName, h!["userName"].Str()));
        Assert.Equal("inProgress", history[2]!["from"].Str());

        // Implemented is final.
        var again = await au.ChangeStatusAsync(id, new { status = "lapsed" });
        Assert.Contains("status", await again.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Status_changes_need_the_current_ETag()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var id = (await au.CreateDecisionAsync(meeting.Id(), ["AU"])).Id();

        var missing = await au.ChangeStatusAsync(id, new { status = "inProgress" }, withIfMatch: false);
        await missing.ExpectAsync(HttpStatusCode.PreconditionRequired);
        var stale = await au.PostJsonAsync($"/api/v1/decisions/{id}/status", new { status = "inProgress" }, ifMatch: "\"99\"");
        await stale.ExpectAsync(HttpStatusCode.PreconditionFailed);
        await (await au.ChangeStatusAsync(id, new { status = "inProgress" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Superseding_names_the_other_decision()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var old = (await au.CreateDecisionAsync(meeting.Id(), ["AU"])).Id();
        var replacement = (await au.CreateDecisionAsync(meeting.Id(), ["AU"])).Id();

        Assert.Contains("supersededBy", await (await au.ChangeStatusAsync(old, new { status = "superseded" })).ProblemFieldsAsync());
        var done = await (await au.ChangeStatusAsync(old, new { status = "superseded", supersededBy = replacement })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(replacement, done["supersededById"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var fields = await (await au.PostJsonAsync("/api/v1/decisions", new
        {
            meetingId = Guid.NewGuid(), text = "", owners = new[] { "NOPE" }, classification = "public", status = "implemented",
        })).ProblemFieldsAsync();
        Assert.Contains("meetingId", fields);
        Assert.Contains("text", fields);
        Assert.Contains("owners[0]", fields);
        Assert.Contains("status", fields);

        var meetingFields = await (await au.PostJsonAsync("/api/v1/meetings", new
        {
            kind = "highLevel", title = "", startsOn = "2026-05-02", endsOn = "2026-05-01", classification = "public",
            participants = new[] { new { organization = "NOPE" } },
        })).ProblemFieldsAsync();
        Assert.Contains("title", meetingFields);
        Assert.Contains("endsOn", meetingFields);
        Assert.Contains("participants[0].organization", meetingFields);

        var unknownField = await au.PostJsonAsync($"/api/v1/decisions/{(await au.CreateDecisionAsync(meeting.Id(), ["AU"])).Id()}/status",
            new { status = "inProgress", colour = "red" }, "\"0\"");
        Assert.Contains("colour", await unknownField.ProblemFieldsAsync());
    }

    [Fact]
    public async Task A_recurring_commitment_generates_occurrences_judged_one_by_one()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var firstDue = App.Clock.Today.AddYears(-2).AddDays(10);
        var parent = await au.CreateDecisionAsync(meeting.Id(), ["AU"], dueOn: firstDue.ToString("yyyy-MM-dd"), recurrenceMonths: 12);
        var pid = parent.Id();

        var list = await au.GetJsonAsync($"/api/v1/decisions?meeting={meeting.Id()}&limit=100");
        var occurrences = list["items"]!.AsArray().Where(d => d!["occurrence"] is not null).ToList();
        Assert.Equal(3, occurrences.Count); // two already due, and the current one
        Assert.Equal(2, occurrences.Count(o => o!["overdue"]!.GetValue<bool>()));

        // The parent is judged through its occurrences, not by itself.
        Assert.Contains("status", await (await au.ChangeStatusAsync(pid, new { status = "inProgress" })).ProblemFieldsAsync());
        var first = occurrences.Single(o => o!["occurrence"]!.GetValue<int>() == 1)!["id"]!.GetValue<Guid>();
        await (await au.ChangeStatusAsync(first, new { status = "implemented", evidence = new { note = "Held in Addis Ababa" } })).ExpectAsync(HttpStatusCode.OK);
        var after = await au.GetJsonAsync($"/api/v1/decisions?meeting={meeting.Id()}&overdue=true");
        Assert.Equal(1, after["total"]!.GetValue<int>());

        // Running the periodic work again adds nothing.
        using var admin = App.Client(await App.CreateTokenAsync(await App.CreateUserAsync("UN", Role.Administrator)));
        var run = await (await admin.PostJsonAsync("/api/v1/standing-committee/run", new { })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, run["occurrencesAdded"]!.GetValue<int>());
    }
}
