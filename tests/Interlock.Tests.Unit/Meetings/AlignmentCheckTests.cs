using Interlock.Meetings;
using Slot = Interlock.Meetings.AlignmentCheck.Slot;

namespace Interlock.Tests.Unit.Meetings;

public sealed class AlignmentCheckTests
{
    private static Slot High(string start, string? end = null, MeetingDatePrecision p = MeetingDatePrecision.Day) =>
        new(Guid.NewGuid(), "HLM " + start, MeetingKind.HighLevel, DateOnly.Parse(start), DateOnly.Parse(end ?? start), p);

    private static Slot Council(string start, MeetingDatePrecision p = MeetingDatePrecision.Day) =>
        new(Guid.NewGuid(), "SC " + start, MeetingKind.SecurityCouncilDebate, DateOnly.Parse(start), DateOnly.Parse(start), p);

    [Fact]
    public void The_next_meeting_is_aligned_within_the_window_and_flagged_outside_it()
    {
        var today = new DateOnly(2026, 1, 1);
        var next = High("2026-03-10", "2026-03-11");
        Assert.True(AlignmentCheck.Run([next, Council("2026-03-21")], 10, today).Next!.Aligned); // 10 days after the end
        var result = AlignmentCheck.Run([next, Council("2026-03-22")], 10, today);
        Assert.False(result.Next!.Aligned);
        Assert.True(result.NextFlagged);
        Assert.Equal(11, result.Next.DaysApart);
        Assert.True(AlignmentCheck.Run([next], 10, today).NextFlagged); // no Council meeting at all
    }

    [Fact]
    public void Overlapping_meetings_are_zero_days_apart_and_a_month_counts_as_its_nearest_day()
    {
        Assert.Equal(0, AlignmentCheck.DaysApart(High("2026-03-10", "2026-03-12"), Council("2026-03-11")));
        // July 2003 (month only) and April 2003 (month only): 30 April to 1 July.
        Assert.Equal(62, AlignmentCheck.DaysApart(High("2003-07-01", "2003-07-31", MeetingDatePrecision.Month), Council("2003-04-01", MeetingDatePrecision.Month)));
    }

    [Fact]
    public void A_year_without_a_high_level_meeting_is_a_gap_and_flags_the_calendar()
    {
        var result = AlignmentCheck.Run([High("2001-02-06", "2001-02-07"), High("2003-07-01", "2003-07-31", MeetingDatePrecision.Month), High("2004-06-01")], 30, new DateOnly(2006, 1, 1));
        Assert.Contains(result.Gaps, g => g.From == new DateOnly(2001, 2, 7) && g.To == new DateOnly(2003, 7, 1));
        Assert.DoesNotContain(result.Gaps, g => g.From == new DateOnly(2003, 7, 31)); // less than a year to June 2004
        var running = Assert.Single(result.Gaps, g => g.To is null);
        Assert.Equal(new DateOnly(2004, 6, 1), running.From);
        Assert.Null(result.Next);
        Assert.True(result.NextFlagged);
        Assert.False(AlignmentCheck.Run([High("2025-06-01")], 30, new DateOnly(2026, 1, 1)).NextFlagged);
    }
}
