namespace Interlock.DivisionOfLabour.Rules;

public enum GapKind
{
    /// <summary>No planned or active engagement covers what is left of the need.</summary>
    Uncovered,
    /// <summary>Every engagement covering the need ends within the horizon and nothing covers it after them.</summary>
    EndingSoon,
}

/// <summary>A need left without cover, as of a day. <see cref="CoverEndsOn"/> is the last day of cover for <see cref="GapKind.EndingSoon"/>.</summary>
public sealed record Gap(Need Need, GapKind Kind, DateOnly AsOf, DateOnly? CoverEndsOn, IReadOnlyList<Engagement> Ending, string Sentence);

/// <summary>
/// The gaps of the division of labour as of a day. Only what is left of a need counts (from the day, or its start if
/// later, to its end): a need that ended before the day has no gap, and an engagement that ends before the day covers
/// nothing any more, whatever its recorded status. A need is uncovered when no planned or active engagement answers
/// that remainder; it is ending soon when the engagements that do all end within <see cref="HorizonDays"/> days of
/// the day and the need runs on after the last of them, since nothing has been planned to follow.
/// </summary>
public static class GapRule
{
    public const int HorizonDays = 60;

    public static IReadOnlyList<Gap> Find(DivisionPicture picture, Coverage coverage, DateOnly asOf) =>
        picture.Needs.OrderBy(n => n.StartOn).ThenBy(n => n.Id)
            .Select(n => Of(n, picture.Engagements, coverage, asOf, picture)).OfType<Gap>().ToList();

    public static Gap? Of(Need need, IEnumerable<Engagement> engagements, Coverage coverage, DateOnly asOf, DivisionPicture picture)
    {
        if (need.EndOn is { } needEnd && needEnd < asOf) return null;
        var remainder = new Period(need.StartOn > asOf ? need.StartOn : asOf, need.EndOn);
        var covering = engagements.Where(e => coverage.Covers(need, e) && e.Period.Overlaps(remainder))
            .OrderBy(e => e.StartOn).ThenBy(e => e.Id).ToList();
        if (covering.Count == 0)
            return new Gap(need, GapKind.Uncovered, asOf, null, [],
                $"No planned or active engagement covers {Wording.Need(need)} as of {Wording.Date(asOf)}.");

        var horizon = asOf.AddDays(HorizonDays);
        if (covering.Any(e => e.EndOn is null || e.EndOn > horizon)) return null;
        var last = covering.Max(e => e.EndOn!.Value);
        if (need.EndOn is { } end && end <= last) return null;
        var codes = covering.Select(e => picture.CodeOf(e.OrganizationId)).Distinct().Order(StringComparer.Ordinal).ToList();
        var days = last.DayNumber - asOf.DayNumber;
        return new Gap(need, GapKind.EndingSoon, asOf, last, covering,
            $"The {(covering.Count == 1 ? "engagement" : $"{covering.Count} engagements")} covering {Wording.Need(need)} " +
            $"({Wording.List(codes)}) {(covering.Count == 1 ? "ends" : "all end")} by {Wording.Date(last)}, " +
            $"{Wording.Days(days)} after {Wording.Date(asOf)} and within the {HorizonDays}-day horizon, " +
            $"and no engagement is planned to cover it after {Wording.Date(last)}.");
    }
}
