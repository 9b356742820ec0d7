namespace Interlock.Meetings;

/// <summary>
/// "To ensure that their high-level meetings coincide with the meetings held by the Security Council with regional
/// organizations" and "to convene on an annual basis" [2005 §7], checked: a high-level meeting is flagged when no
/// Security Council meeting with regional organizations lies within <c>windowDays</c> of it, and the calendar is
/// flagged when more than a year passes without a high-level meeting.
/// </summary>
public static class AlignmentCheck
{
    public sealed record Slot(Guid Id, string Title, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn, MeetingDatePrecision Precision);

    /// <summary>One high-level meeting judged: the nearest Council meeting and how many days away it is.</summary>
    public sealed record Judgement(Slot Meeting, Slot? NearestCouncilMeeting, int? DaysApart, bool Aligned);

    /// <summary>A stretch of more than a year without a high-level meeting (To is null: still running today).</summary>
    public sealed record Gap(DateOnly From, DateOnly? To, int Days);

    public sealed record Result(int WindowDays, Judgement? Next, IReadOnlyList<Judgement> Meetings, IReadOnlyList<Gap> Gaps)
    {
        /// <summary>The next high-level meeting is not aligned, or none is scheduled within a year of the last.</summary>
        public bool NextFlagged => Next is { Aligned: false } || (Next is null && Gaps.Any(g => g.To is null));
    }

    public static Result Run(IEnumerable<Slot> meetings, int windowDays, DateOnly today)
    {
        var all = meetings.ToList();
        var council = all.Where(m => m.Kind == MeetingKind.SecurityCouncilDebate).ToList();
        var high = all.Where(m => m.Kind == MeetingKind.HighLevel).OrderBy(m => m.StartsOn).ToList();

        var judged = high.Select(m => Judge(m, council, windowDays)).ToList();
        var next = judged.FirstOrDefault(j => j.Meeting.EndsOn >= today);
        return new Result(windowDays, next, judged, Gaps(high, today));
    }

    private static Judgement Judge(Slot m, List<Slot> council, int windowDays)
    {
        var nearest = council.Select(c => (Council: c, Days: DaysApart(m, c))).OrderBy(x => x.Days).FirstOrDefault();
        return nearest.Council is null
            ? new Judgement(m, null, null, false)
            : new Judgement(m, nearest.Council, nearest.Days, nearest.Days <= windowDays);
    }

    /// <summary>Days between two meetings, 0 when they overlap. A month-precision date counts as the whole month: the least it can be.</summary>
    public static int DaysApart(Slot a, Slot b)
    {
        var (aFrom, aTo) = Span(a);
        var (bFrom, bTo) = Span(b);
        if (aTo < bFrom) return bFrom.DayNumber - aTo.DayNumber;
        if (bTo < aFrom) return aFrom.DayNumber - bTo.DayNumber;
        return 0;
    }

    private static (DateOnly From, DateOnly To) Span(Slot s) => s.Precision == MeetingDatePrecision.Month
        ? (new DateOnly(s.StartsOn.Year, s.StartsOn.Month, 1), new DateOnly(s.StartsOn.Year, s.StartsOn.Month, 1).AddMonths(1).AddDays(-1))
        : (s.StartsOn, s.EndsOn);

    /// <summary>Gaps between consecutive high-level meetings longer than a year, and the running one since the last.</summary>
    private static List<Gap> Gaps(List<Slot> high, DateOnly today)
    {
        var gaps = new List<Gap>();
        for (var i = 1; i < high.Count; i++)
        {
            var from = Span(high[i - 1]).To;
            var to = Span(high[i]).From;
            if (to > from.AddYears(1)) gaps.Add(new Gap(from, to, to.DayNumber - from.DayNumber));
        }
        var held = high.Where(h => h.StartsOn <= today).ToList();
        var upcoming = high.FirstOrDefault(h => h.StartsOn > today);
        if (held.Count > 0 && upcoming is null)
        {
            var last = Span(held[^1]).To;
            if (today > last.AddYears(1)) gaps.Add(new Gap(last, null, today.DayNumber - last.DayNumber));
        }
        return gaps;
    }
}
