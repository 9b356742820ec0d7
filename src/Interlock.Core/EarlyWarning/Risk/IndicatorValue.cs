using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The value of one indicator for one country and month, placed against the indicator's thresholds. The table holds
/// the reported indicators: each takes its value from the latest revision of an organization's observation and
/// carries that observation's label, so the access policy decides who sees it; rows follow the observations, never
/// edited by hand. Derived indicators have the same shape but are computed from the public event series when read
/// (<see cref="DerivedIndicatorValues"/>, Public, owned by the secretariat, <see cref="Id"/> 0) and are not stored.
/// </summary>
public sealed class IndicatorValue : IClassified
{
    public static string Category => Categories.IndicatorValue;

    public long Id { get; set; }
    /// <summary>The policy's record identifier, derived from <see cref="Id"/> as for events.</summary>
    Guid IClassified.Id => ConflictEvent.PolicyId(Id);

    public required string IndicatorCode { get; set; }
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public double Value { get; set; }
    public RiskLevel Level { get; set; }
    /// <summary>Why the value sits at its level, in words (e.g. "340, at or above the Alert threshold of 250").</summary>
    public string? Reason { get; set; }
    /// <summary>For a reported indicator: the observation the value came from; null for derived indicators.</summary>
    public Guid? ObservationId { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
