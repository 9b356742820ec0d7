namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The computed risk level of a country in a month, one row per country and month. Its reasons in words are written
/// when it is read, from the same figures and rules (<see cref="RiskExplanations"/>).
/// Computed from the public indicator values only, so the level itself is Public. The alerts module reads this
/// table to notice rises; an Analyst's differing judgement is kept beside it as an assessment, never over it.
/// </summary>
public sealed class CountryRisk
{
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public RiskLevel Level { get; set; }
    /// <summary>
    /// When the level was set: a recompute that finds the same level leaves the row as it is, so this is the time the
    /// level last changed (what the alerts and the situation timeline read).
    /// </summary>
    public DateTimeOffset ComputedAt { get; set; }
}
