using Ical.Net;
using Interlock.Meetings;

namespace Interlock.Tests.Unit.Meetings;

/// <summary>The iCalendar writer read back by Ical.Net's parser, field by field.</summary>
public sealed class MeetingCalendarTests
{
    private static MeetingCalendar.Entry Entry(long version = 3, MeetingDatePrecision precision = MeetingDatePrecision.Day) => new(
        Guid.Parse("0190a8a4-0000-7000-8000-000000000001"), "Fourth high-level meeting", MeetingKind.HighLevel, new DateOnly(2001, 2, 6), new DateOnly(2001, 2, 7),
        precision, "New York", "Kofi A. Annan", "Cooperation for peace-building", "A framework", version,
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        [new MeetingCalendar.Participant("OAU", "Organization of African Unity", DelegationLevel.HeadOfOrganization, "Salim Ahmed Salim")],
        ["Guiding principles", "Follow-up"], ["S/2001/x Letter"], new Uri("http://localhost/meetings/1"));

    [Fact]
    public void Every_field_survives_a_round_trip_through_a_real_parser()
    {
        var text = MeetingCalendar.Write("Test", [Entry()]);
        var calendar = Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("0190a8a4-0000-7000-8000-000000000001@interlock", e.Uid);
        Assert.Equal("Fourth high-level meeting", e.Summary);
        Assert.Equal(new DateTime(2001, 2, 6), e.DtStart!.Value);
        Assert.False(e.DtStart.HasTime);
        Assert.Equal(new DateTime(2001, 2, 8), e.DtEnd!.Value);
        Assert.Equal("New York", e.Location);
        Assert.Equal(3, e.Sequence);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), e.LastModified!.AsUtc);
        Assert.Equal(e.LastModified.AsUtc, e.DtStamp!.AsUtc);
        Assert.Equal(new Uri("http://localhost/meetings/1"), e.Url);
        Assert.Contains("HighLevel", e.Categories);
        Assert.Contains("Chair: Kofi A. Annan", e.Description);
        Assert.Contains("Theme: Cooperation for peace-building", e.Description);
        Assert.Contains("1. Guiding principles", e.Description);
        Assert.Contains("Outcome: A framework", e.Description);
        var participant = Assert.Single(e.Properties.AllOf("X-INTERLOCK-PARTICIPANT"));
        Assert.Equal("OAU", participant.Value?.ToString());
        Assert.Equal("Organization of African Unity", participant.Parameters.Get("CN"));
        Assert.Equal("HeadOfOrganization", participant.Parameters.Get("X-LEVEL"));
        Assert.Equal("Kofi A. Annan", e.Properties.Get<string>("X-INTERLOCK-CHAIR"));
        Assert.Equal("PUBLISH", calendar.Method);
    }

    [Fact]
    public void A_month_precision_meeting_spans_its_month()
    {
        var e = Assert.Single(Calendar.Load(MeetingCalendar.Write("Test", [Entry(precision: MeetingDatePrecision.Month)]))!.Events);
        Assert.Equal(new DateTime(2001, 2, 1), e.DtStart!.Value);
        Assert.Equal(new DateTime(2001, 3, 1), e.DtEnd!.Value);
        Assert.Equal("MONTH", e.Properties.Get<string>("X-INTERLOCK-DATE-PRECISION"));
    }

    [Fact]
    public void The_uid_is_stable_across_versions()
    {
        var v1 = Assert.Single(Calendar.Load(MeetingCalendar.Write("Test", [Entry(version: 1)]))!.Events);
        var v2 = Assert.Single(Calendar.Load(MeetingCalendar.Write("Test", [Entry(version: 2)]))!.Events);
        Assert.Equal(v1.Uid, v2.Uid);
        Assert.True(v2.Sequence > v1.Sequence);
    }
}
