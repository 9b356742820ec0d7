using Interlock.EarlyWarning.Risk;

namespace Interlock.EarlyWarning.Situations.Ripeness;

/// <summary>
/// The configuration section <c>Ripeness:</c> (see docs/early-warning.md, "Situations and ripeness"). The defaults
/// are the rule the partnership documents: risk at Warning or above for two consecutive months, or rising; an
/// organization with a capability for the situation's stage; and a mandate in the country. Uncovered needs are shown
/// but not required.
/// </summary>
public sealed class RipenessOptions
{
    public const string Section = "Ripeness";

    /// <summary>The level the risk must have held (default Warning).</summary>
    public RiskLevel MinimumLevel { get; set; } = RiskLevel.Warning;
    /// <summary>For how many consecutive months up to the latest computed one (default 2).</summary>
    public int ConsecutiveMonths { get; set; } = 2;
    /// <summary>Whether a rise from the month before also makes the risk condition met (default true)...</summary>
    public bool RisingCounts { get; set; } = true;
    /// <summary>...when the new level is at least this (default Watch: a rise from Low to Watch counts, a stable Low does not).</summary>
    public RiskLevel RisingMinimumLevel { get; set; } = RiskLevel.Watch;
    /// <summary>Whether an organization with a capability in the stage's area is required (default true).</summary>
    public bool RequireCapability { get; set; } = true;
    /// <summary>Whether that organization must also have a mandate in the country (default true).</summary>
    public bool RequireMandate { get; set; } = true;
    /// <summary>
    /// Whether a need of the situation must be left uncovered by planned or active engagements (default false: the
    /// condition is shown, but a situation where every need is covered can still be ripe for joint action).
    /// </summary>
    public bool RequireUncoveredNeed { get; set; }

    public IEnumerable<string> Problems()
    {
        if (ConsecutiveMonths is < 1 or > 24) yield return "Ripeness:ConsecutiveMonths must be between 1 and 24.";
        if (!Enum.IsDefined(MinimumLevel)) yield return "Ripeness:MinimumLevel must be Low, Watch, Warning or Alert.";
        if (!Enum.IsDefined(RisingMinimumLevel)) yield return "Ripeness:RisingMinimumLevel must be Low, Watch, Warning or Alert.";
    }
}
