using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using CodeHollow.FeedReader;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Calendar = Ical.Net.Calendar;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>The iCalendar and Atom feeds read back by real parsers (Ical.Net; System.ServiceModel.Syndication and CodeHollow.FeedReader).</summary>
public abstract class FeedTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : FeedTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : FeedTests(f), IClassFixture<PostgresFixture>;

    private async Task<(string Text, HttpResponseMessage Response)> FetchAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task The_calendar_of_all_meetings_parses_and_carries_every_field_of_the_2001_meeting()
    {
        using var anonymous = App.Client();
        var (text, response) = await FetchAsync(anonymous, "/feeds/meetings.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(text)!;
        Assert.Equal("-//Interlock//Meetings//EN", calendar.ProductId);
        Assert.True(calendar.Events.Count >= 8);

        var page = await anonymous.GetJsonAsync("/api/v1/meetings?limit=500");
        var meeting = page["items"]!.AsArray().Single(m => m!["key"]?.GetValue<string>() == "hlm-2001")!;
        var id = meeting["id"]!.GetValue<Guid>();
        var detail = await anonymous.GetJsonAsync($"/api/v1/meetings/{id}");
        var e = calendar.Events.Single(x => x.Uid == $"{id:D}@interlock");

        Assert.Equal("Fourth High-level United Nations-Regional Organizations Meeting", e.Summary);
        Assert.Equal(new DateOnly(2001, 2, 6), DateOnly.FromDateTime(e.DtStart!.Value));
        Assert.False(e.DtStart.HasTime);
        Assert.Equal(new DateOnly(2001, 2, 8), DateOnly.FromDateTime(e.DtEnd!.Value)); // exclusive end of a two-day meeting
        Assert.Equal("New York", e.Location);
        Assert.Contains("Chair: Secretary-General Kofi A. Annan (Chairman)", e.Description);
        Assert.Contains("Theme: Cooperation for peace-building", e.Description);
        Assert.Contains("Participants (44)", e.Description);
        Assert.Contains("Outcome: A framework for cooperation in peace-building", e.Description);
        Assert.Contains("Letter dated 12 February 2001", e.Description);
        Assert.Equal(detail["version"]!.GetValue<int>(), e.Sequence);
        Assert.Equal(detail["updatedAt"]!.GetValue<DateTimeOffset>().UtcDateTime, e.LastModified!.AsUtc, TimeSpan.FromSeconds(1));
        Assert.Equal(e.LastModified.AsUtc, e.DtStamp!.AsUtc);
        Assert.Equal(new Uri(App.Address, $"/meetings/{id}"), e.Url);
        Assert.Contains("HighLevel", e.Categories);
        Assert.Equal("HighLevel", e.Properties.Get<string>("X-INTERLOCK-KIND"));
        Assert.Equal("DAY", e.Properties.Get<string>("X-INTERLOCK-DATE-PRECISION"));
        var participants = e.Properties.AllOf("X-INTERLOCK-PARTICIPANT").ToList();
        Assert.Equal(44, participants.Count);
        var oau = participants.Single(p => p.Value?.ToString() == "OAU");
        Assert.Equal("Organization of African Unity", oau.Parameters.Get("CN"));
        Assert.Equal("Unknown", oau.Parameters.Get("X-LEVEL"));

        // The July 2003 meeting is known by its month only: it spans the month and says so.
        var m2003 = calendar.Events.Single(x => x.Summary!.StartsWith("Fifth high-level"));
        Assert.Equal(new DateOnly(2003, 7, 1), DateOnly.FromDateTime(m2003.DtStart!.Value));
        Assert.Equal(new DateOnly(2003, 8, 1), DateOnly.FromDateTime(m2003.DtEnd!.Value));
        Assert.Equal("MONTH", m2003.Properties.Get<string>("X-INTERLOCK-DATE-PRECISION"));
        Assert.Contains("exact days are not recorded", m2003.Description);
    }

    [Fact]
    public async Task An_organization_feed_has_its_meetings_and_an_update_keeps_the_uid_and_raises_the_sequence()
    {
        using var anonymous = App.Client();
        var oau = Calendar.Load((await FetchAsync(anonymous, "/feeds/meetings/OAU.ics")).Text)!;
        Assert.Equal(2, oau.Events.Count); // 1996 and 2001: the OAU had become the AU by 2005
        Assert.All(oau.Events, e => Assert.Contains(e.Properties.AllOf("X-INTERLOCK-PARTICIPANT"), p => p.Value?.ToString() == "OAU"));
        await (await anonymous.GetAsync("/feeds/meetings/NOPE.ics")).ExpectAsync(HttpStatusCode.NotFound);

        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var created = await au.CreateMeetingAsync("public", participants: ["AU", "ECOWAS"]);
        var id = created.Id();
        var before = Calendar.Load((await FetchAsync(anonymous, "/feeds/meetings/ECOWAS.ics")).Text)!.Events.Single(e => e.Uid == $"{id:D}@interlock");

        var read = await au.GetAsync($"/api/v1/meetings/{id}");
        await (await au.PutJsonAsync($"/api/v1/meetings/{id}", new
        {
            kind = "workingLevel", title = "Working-level meeting, moved", startsOn = "2026-04-14", endsOn = "2026-04-15", classification = "public",
            venue = "Abuja", participants = new[] { new { organization = "AU" }, new { organization = "ECOWAS" } },
        }, read.ETag())).ExpectAsync(HttpStatusCode.OK);

        var after = Calendar.Load((await FetchAsync(anonymous, "/feeds/meetings/ECOWAS.ics")).Text)!.Events.Single(e => e.Uid == $"{id:D}@interlock");
        Assert.True(after.Sequence > before.Sequence);
        Assert.True(after.LastModified!.AsUtc >= before.LastModified!.AsUtc);
        Assert.Equal("Abuja", after.Location);
        Assert.Equal(new DateOnly(2026, 4, 14), DateOnly.FromDateTime(after.DtStart!.Value));
    }

    [Fact]
    public async Task The_atom_feed_of_public_decisions_and_documents_parses_with_two_parsers()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync("public");
        var publicDecision = (await au.CreateDecisionAsync(meeting.Id(), ["AU"], classification: "public")).Id();
        var partnersDecision = (await au.CreateDecisionAsync(meeting.Id(), ["AU"], classification: "partners")).Id();

        using var anonymous = App.Client();
        var (text, response) = await FetchAsync(anonymous, "/feeds/public.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);

        using var reader = XmlReader.Create(new StringReader(text));
        var feed = SyndicationFeed.Load(reader);
        var decisions = feed.Items.Where(i => i.Categories.Any(c => c.Name == "decision")).ToList();
        var documents = feed.Items.Where(i => i.Categories.Any(c => c.Name == "document")).ToList();
        Assert.True(decisions.Count >= 42, $"{decisions.Count} decisions"); // the 41 seeded decisions and this test's public one
        Assert.True(documents.Count >= 7, $"{documents.Count} documents");
        Assert.Contains(feed.Items, i => i.Id == $"urn:uuid:{publicDecision:D}");
        Assert.DoesNotContain(feed.Items, i => i.Id == $"urn:uuid:{partnersDecision:D}");
        var symbolEntry = documents.Single(d => d.Title.Text.StartsWith("A/52/1021-S/1998/785"));
        Assert.Contains("/documents/", symbolEntry.Links.Single().Uri.ToString());

        // An independent parser reads the same feed.
        var parsed = FeedReader.ReadFromString(text);
        Assert.Equal(FeedType.Atom, parsed.Type);
        Assert.Equal(feed.Items.Count(), parsed.Items.Count);
        Assert.Equal("Interlock: public decisions and documents", parsed.Title);
        var item = parsed.Items.Single(i => i.Id == $"urn:uuid:{publicDecision:D}");
        Assert.EndsWith($"/decisions/{publicDecision}", item.Link);
        Assert.NotNull(item.PublishingDate);
    }
}
