namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (e) Current presence: the organization's planned or active engagements in the need's country during the need's
/// period, in any area. Staff, offices and relationships already there shorten the way to help. Each engagement on the
/// need's branch of the taxonomy counts 1 point, any other 0.5; the value is 1 − 0.5^points, so one engagement on the
/// branch gives 0.5, two 0.75, and each further one adds less.
/// </summary>
public static class PresencePart
{
    public const double SameBranchPoints = 1.0, OtherAreaPoints = 0.5;

    public static double ValueOf(double points) => 1.0 - Math.Pow(0.5, points);

    public static PartValue Evaluate(NeedContext n, CandidateFacts f)
    {
        if (f.Engagements.Count == 0) return new(0, $"No planned or active engagement in {n.CountryName} during the need: 0.00");
        var onBranch = f.Engagements.Count(e => n.Coverage.SameBranch(n.Area, e.AreaCode));
        var points = onBranch * SameBranchPoints + (f.Engagements.Count - onBranch) * OtherAreaPoints;
        var v = ValueOf(points);
        var count = f.Engagements.Count == 1 ? "1 planned or active engagement" : $"{f.Engagements.Count} planned or active engagements";
        return new(v, $"{count} in {n.CountryName} during the need, {onBranch} on the branch of {n.Area}: {Format.Value(v)}");
    }
}
