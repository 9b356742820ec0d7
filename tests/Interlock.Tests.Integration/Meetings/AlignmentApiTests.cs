using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>The alignment check on the real history and on a planned meeting ([2005 §7]: coincide with the Council, convene annually).</summary>
public abstract class AlignmentApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : AlignmentApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : AlignmentApiTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task The_history_shows_which_high_level_meetings_were_near_a_Council_meeting_and_the_years_without_one()
    {
        using var anonymous = App.Client();
        var narrow = await anonymous.GetJsonAsync("/api/v1/meetings/alignment?windowDays=30");
        var m2003 = narrow["meetings"]!.AsArray().Single(m => m!["title"].Str().StartsWith("Fifth"))!;
        // April 2003 (Council, §13 of 004) to July 2003: at least 62 days apart.
        Assert.Equal(62, m2003["daysApart"]!.GetValue<int>());
        Assert.False(m2003["aligned"]!.GetValue<bool>());
        var wide = await anonymous.GetJsonAsync("/api/v1/meetings/alignment?windowDays=90");
        Assert.True(wide["meetings"]!.AsArray().Single(m => m!["title"].Str().StartsWith("Fifth"))!["aligned"]!.GetValue<bool>());
        // 2005: the nearest Council meeting in the record is 20 July 2004.
        var m2005 = wide["meetings"]!.AsArray().Single(m => m!["title"].Str().StartsWith("Sixth"))!;
        Assert.False(m2005["aligned"]!.GetValue<bool>());
        // More than a year passed between 1998 and 2001, and since 2005 with nothing scheduled.
        var gaps = narrow["gaps"]!.AsArray();
        Assert.Contains(gaps, g => g!["from"].Str() == "1998-07-29" && g["to"].Str() == "2001-02-06");
        Assert.Contains(gaps, g => g!["from"].Str() == "2005-07-26" && g["to"] is null);
        Assert.True(narrow["nextFlagged"]!.GetValue<bool>());
        Assert.Contains("windowDays", await (await anonymous.GetAsync("/api/v1/meetings/alignment?windowDays=-1")).ProblemFieldsAsync());
    }

    [Fact]
    public async Task A_planned_high_level_meeting_is_flagged_until_a_Council_meeting_is_near_it()
    {
        var (_, un) = await App.ApiUserAsync("UN", Role.Contributor);
        var start = App.Clock.Today.AddDays(60);
        var hlm = await un.CreateMeetingAsync("confidential", "highLevel", start.ToString("yyyy-MM-dd"), title: "Planned high-level meeting");
        var check = await un.GetJsonAsync("/api/v1/meetings/alignment?windowDays=14");
        Assert.Equal(hlm.Id(), check["next"]!["meetingId"]!.GetValue<Guid>());
        Assert.True(check["nextFlagged"]!.GetValue<bool>());

        await un.CreateMeetingAsync("confidential", "securityCouncilDebate", start.AddDays(-10).ToString("yyyy-MM-dd"), title: "Council debate with regional organizations");
        check = await un.GetJsonAsync("/api/v1/meetings/alignment?windowDays=14");
        Assert.False(check["nextFlagged"]!.GetValue<bool>());
        Assert.Equal(10, check["next"]!["daysApart"]!.GetValue<int>());
    }
}
