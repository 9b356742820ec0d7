using System.Text.Json.Nodes;
using Interlock.Meetings;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>
/// The seeded history against the seeds: dates, participants per meeting, decisions per document, and statuses left
/// unknown unless a seed says otherwise. Each expectation quotes or names the seed paragraph it checks.
/// </summary>
public abstract class MeetingHistoryTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : MeetingHistoryTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : MeetingHistoryTests(f), IClassFixture<PostgresFixture>;

    private async Task<JsonNode> MeetingAsync(string key)
    {
        using var anonymous = App.Client();
        var page = await anonymous.GetJsonAsync("/api/v1/meetings?limit=500");
        var id = page["items"]!.AsArray().Single(m => m!["key"]?.GetValue<string>() == key)!["id"]!.GetValue<Guid>();
        return await anonymous.GetJsonAsync($"/api/v1/meetings/{id}");
    }

    private static string[] Codes(JsonNode meeting) => meeting["participants"]!.AsArray().Select(p => p!["organization"]!.GetValue<string>()).ToArray();

    [Theory]
    // key, start, end, precision, participants listed, reported count — seed and paragraph in the comment.
    [InlineData("hlm-1994", "1994-08-01", "1994-08-01", "day", 0, 10)]   // 001: "Ten regional organizations attended the first meeting ... 1 August 1994"
    [InlineData("hlm-1996", "1996-02-15", "1996-02-16", "day", 15, 13)]  // 001: "from 15 to 16 February 1996"; "Thirteen regional organizations, as well as the President of the General Assembly ... and the President of the Security Council"
    [InlineData("hlm-1998", "1998-07-28", "1998-07-29", "day", 0, null)] // 000 annex title: "held on 28 and 29 July 1998"; no list of participants
    [InlineData("hlm-2001", "2001-02-06", "2001-02-07", "day", 44, null)] // 002 letter ¶1 "6 and 7 February 2001"; annex III lists 44
    [InlineData("hlm-2003", "2003-07-01", "2003-07-31", "month", 0, null)] // 004 §5 "in July 2003"
    [InlineData("sc-2003-04", "2003-04-01", "2003-04-30", "month", 0, null)] // 004 §13 "in April 2003"
    [InlineData("sc-2004-07-20", "2004-07-20", "2004-07-20", "day", 0, null)] // 004 letter "Tuesday, 20 July 2004"
    [InlineData("hlm-2005", "2005-07-25", "2005-07-26", "day", 20, 20)] // 003 annex I §1 "25 and 26 July 2005"; "Twenty organizations"; §11
    public async Task Each_meeting_has_the_dates_and_participants_its_seed_gives(string key, string start, string end, string precision, int listed, int? reported)
    {
        var m = await MeetingAsync(key);
        Assert.Equal(start, m["startsOn"].Str());
        Assert.Equal(end, m["endsOn"].Str());
        Assert.Equal(precision, m["datePrecision"].Str());
        Assert.Equal(listed, m["participants"]!.AsArray().Count);
        Assert.Equal(reported, m["reportedParticipantCount"]?.GetValue<int>());
        Assert.Equal("public", m["classification"].Str());
        Assert.StartsWith("Seed 00", m["source"].Str());
    }

    [Fact]
    public async Task Participants_are_named_as_they_were_then_and_mapped_to_the_registry()
    {
        var m1996 = await MeetingAsync("hlm-1996");
        // 001: "Salim Ahmed salim, Secretary-General, Organization of African unity": the OAU, not yet the AU.
        Assert.Contains("OAU", Codes(m1996));
        Assert.DoesNotContain("AU", Codes(m1996));
        Assert.Contains("WEU", Codes(m1996));
        var oau = m1996["participants"]!.AsArray().Single(p => p!["organization"].Str() == "OAU")!;
        Assert.Equal("headOfOrganization", oau["level"].Str());
        Assert.Contains("Salim Ahmed Salim", oau["delegate"].Str());
        var las = m1996["participants"]!.AsArray().Single(p => p!["organization"].Str() == "LAS")!;
        Assert.Equal("representative", las["level"].Str()); // "Assistant Secretary-General"

        var m2001 = await MeetingAsync("hlm-2001");
        var groups = m2001["participants"]!.AsArray().GroupBy(p => p!["group"].Str()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(18, groups["Regional organizations"]);
        Assert.Equal(3, groups["United Nations organs"]);
        Assert.Equal(11, groups["United Nations agencies"]);
        Assert.Equal(5, groups["Regional Commissions"]);
        Assert.Equal(7, groups["United Nations Secretariat"]);
        Assert.All(m2001["participants"]!.AsArray(), p => Assert.Equal("unknown", p!["level"].Str())); // annex III gives no levels

        var m2005 = await MeetingAsync("hlm-2005");
        Assert.Contains("AU", Codes(m2005));
        Assert.Equal(13, m2005["reportedHeadsCount"]!.GetValue<int>()); // "thirteen at the level of head of organization"
        Assert.All(m2005["participants"]!.AsArray(), p => Assert.Equal("unknown", p!["level"].Str())); // which 13 is not said
    }

    [Fact]
    public async Task Agenda_and_documents_come_from_the_seeds()
    {
        var debate = await MeetingAsync("sc-2004-07-20");
        var agenda = debate["agenda"]!.AsArray().Select(a => a!["text"].Str()).ToList();
        Assert.Equal(11, agenda.Count); // the review since April 2003 and the ten questions of §13
        Assert.StartsWith("Subsidiarity:", agenda[1]);
        Assert.StartsWith("Oversight:", agenda[10]);
        Assert.Contains("stabilization processes", debate["theme"].Str());

        var m1998 = await MeetingAsync("hlm-1998");
        var record = Assert.Single(m1998["documents"]!.AsArray());
        Assert.Equal("A/52/1021-S/1998/785", record!["symbol"].Str());
        Assert.Equal("1998-08-21", record["publishedOn"].Str());
        Assert.Equal("Cooperation for conflict prevention", m1998["theme"].Str());

        var m2005 = await MeetingAsync("hlm-2005");
        var symbols = m2005["documents"]!.AsArray().Select(d => d!["symbol"]?.GetValue<string>()).ToList();
        Assert.Contains("A/59/565", symbols);
        Assert.Contains("A/59/2005", symbols);
    }

    [Fact]
    public async Task The_number_of_decisions_taken_from_each_document_matches_the_seeds()
    {
        var counts = await App.WithDbAsync(async db =>
            (await db.Decisions.Where(d => d.Key != null && d.ParentId == null)
                .Join(db.Documents, d => d.SourceDocumentId, doc => doc.Id, (d, doc) => doc.Title).ToListAsync())
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()));
        // 000 §7: ten modalities listed; §8: working-level follow-up and continued high-level meetings.
        Assert.Equal(12, counts.Single(c => c.Key.StartsWith("Identical letters dated 19 August 1998")).Value);
        // 002 annex I: 21 activities under II.A-E and 2 under III.
        Assert.Equal(23, counts.Single(c => c.Key.StartsWith("Letter dated 12 February 2001")).Value);
        // 003 annex I §7: six measures.
        Assert.Equal(6, counts.Single(c => c.Key.StartsWith("Identical letters dated 29 August 2005")).Value);
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public async Task Statuses_stay_unknown_unless_a_seed_says_otherwise()
    {
        var seeded = await App.WithDbAsync(db => db.Decisions.AsNoTracking().Include(d => d.Evidence).Include(d => d.History)
            .Where(d => d.Key != null && d.ParentId == null).ToListAsync());
        Assert.Equal(41, seeded.Count);
        var known = Assert.Single(seeded, d => d.Status != DecisionStatus.Unknown);
        // 000 §8 "such meetings should continue"; 002 letter ¶1: the fourth meeting took place on 6 and 7 February 2001.
        Assert.Equal("1998-8-2", known.Key);
        Assert.Equal(DecisionStatus.Implemented, known.Status);
        Assert.NotEmpty(known.Evidence);
        var change = Assert.Single(known.History);
        Assert.Equal(DecisionStatus.Unknown, change.From);
        Assert.Equal(DecisionStatus.Implemented, change.To);

        // 003 §7 "To convene on an annual basis": occurrences, each judged (unknown) on its own.
        var occurrences = await App.WithDbAsync(db => db.Decisions.Where(d => d.Key != null && d.Key.StartsWith("2005-7-1#")).ToListAsync());
        Assert.True(occurrences.Count >= 19, $"{occurrences.Count} occurrences");
        Assert.All(occurrences, o => Assert.Equal(DecisionStatus.Unknown, o.Status));
        Assert.Contains(occurrences, o => o.DueOn == new DateOnly(2006, 7, 26));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var before = await App.WithDbAsync(db => db.Decisions.CountAsync());
        await App.WithDbAsync(async db =>
        {
            db.ReferenceDataVersions.RemoveRange(db.ReferenceDataVersions.Where(v => v.Name == Interlock.Meetings.History.MeetingHistorySeeder.VersionName));
            await db.SaveChangesAsync();
            return await Interlock.Meetings.History.MeetingHistorySeeder.SeedAsync(db);
        });
        Assert.Equal(before, await App.WithDbAsync(db => db.Decisions.CountAsync()));
        Assert.Equal(8, await App.WithDbAsync(db => db.Meetings.CountAsync(m => m.Key != null)));
    }
}
