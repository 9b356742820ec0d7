namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// The configuration section <c>DivisionOfLabour:Ranking</c> (see docs/division-of-labour.md, "Candidate ranking"):
/// the weight of each part of a candidate's score and the urgency assumed when a need does not say how soon.
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "DivisionOfLabour:Ranking";

    public RankingWeights Weights { get; set; } = new();

    /// <summary>Days within which help is needed, for a need that does not give <see cref="Need.NeededWithinDays"/>.</summary>
    public PriorityDays DaysByPriority { get; set; } = new();

    /// <summary>Personnel at which the capacity part's personnel half reaches 1 (on a log scale: 30 people give about 0.5).</summary>
    public int PersonnelForFullCapacity { get; set; } = 1000;

    public int DaysNeeded(Need need) => need.NeededWithinDays ?? DaysByPriority.For(need.Priority);

    public IEnumerable<string> Problems()
    {
        var w = Weights.All;
        foreach (var (code, weight) in w)
            if (!double.IsFinite(weight) || weight < 0) yield return $"{Section}:Weights:{code} must be a number of zero or more.";
        if (w.All(x => x.Weight == 0)) yield return $"{Section}:Weights must not all be zero.";
        foreach (var p in Enum.GetValues<NeedPriority>())
            if (DaysByPriority.For(p) is < 0 or > 3650) yield return $"{Section}:DaysByPriority:{p} must be between 0 and 3650.";
        if (PersonnelForFullCapacity < 1) yield return $"{Section}:PersonnelForFullCapacity must be at least 1.";
    }
}

/// <summary>How much each part counts. The defaults sum to 1 so a score reads as a share of the best possible.</summary>
public sealed class RankingWeights
{
    public double Capability { get; set; } = 0.30;
    public double Capacity { get; set; } = 0.10;
    public double Membership { get; set; } = 0.15;
    public double Scope { get; set; } = 0.15;
    public double Presence { get; set; } = 0.15;
    public double Mandate { get; set; } = 0.15;

    public double Of(string part) => part switch
    {
        RankingParts.Capability => Capability,
        RankingParts.Capacity => Capacity,
        RankingParts.Membership => Membership,
        RankingParts.Scope => Scope,
        RankingParts.Presence => Presence,
        RankingParts.Mandate => Mandate,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a part of the ranking."),
    };

    public IReadOnlyList<(string Code, double Weight)> All => RankingParts.InOrder.Select(p => (p, Of(p))).ToList();
}

/// <summary>Default urgency by priority: a critical need within a week, a low one within a quarter.</summary>
public sealed class PriorityDays
{
    public int Low { get; set; } = 90;
    public int Medium { get; set; } = 30;
    public int High { get; set; } = 14;
    public int Critical { get; set; } = 7;

    public int For(NeedPriority p) => p switch
    {
        NeedPriority.Low => Low,
        NeedPriority.Medium => Medium,
        NeedPriority.High => High,
        _ => Critical,
    };
}
