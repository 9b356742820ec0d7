namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The computed risk level of a country in a month with its reasons in words, one row per country and month.
/// Computed from the public indicator values only, so the level itself is Public. The alerts module reads this
/// table to notice rises; an Analyst's differing judgement is kept beside it as an assessment, never over it.
/// </summary>
public sealed class CountryRisk
{
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public RiskLevel Level { get; set; }
    /// <summary>The rules that set the level, one sentence each, most severe first.</summary>
    public List<string> Reasons { get; set; } = [];
    public DateTimeOffset ComputedAt { get; set; }
}
