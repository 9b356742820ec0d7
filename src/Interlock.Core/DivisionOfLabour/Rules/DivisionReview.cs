namespace Interlock.DivisionOfLabour.Rules;

/// <summary>Every read-side rule applied to one picture as of one day: what a situation, country or global page shows.</summary>
public sealed record DivisionReview(WhoDoesWhatWhere Matrix, IReadOnlyList<Overlap> Overlaps, IReadOnlyList<Gap> Gaps,
    IReadOnlyList<PrimacyFlag> Primacy, IReadOnlyList<TransitionReview> Transitions)
{
    public static DivisionReview Of(DivisionPicture picture, Coverage coverage, DateOnly asOf) =>
        new(WhoDoesWhatWhere.Of(picture), OverlapRule.Find(picture, coverage), GapRule.Find(picture, coverage, asOf),
            PrimacyRule.Find(picture), TransitionRule.Review(picture, asOf));
}
