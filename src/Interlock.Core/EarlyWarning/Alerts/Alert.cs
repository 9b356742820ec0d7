using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>What raised an alert.</summary>
public enum AlertTrigger : byte
{
    /// <summary>A country's computed risk rose to Warning or Alert against the previous month.</summary>
    RiskRise = 1,
    /// <summary>An organization's observation put a reported indicator at its Alert threshold.</summary>
    ReportedIndicator = 2,
}

/// <summary>
/// An early-warning alert for one country and month. Risk rises are Public (the risk comes from public data);
/// an alert raised by an observation carries that observation's owner and classification and is shared exactly as
/// the observation is, which is why its data category is the observation's. Rows are written by
/// <see cref="AlertEvaluator"/> only; the natural key (country, month, trigger, trigger key) is unique, so two
/// nodes evaluating at once can never raise the same alert twice.
/// </summary>
public sealed class Alert : IClassified
{
    public static string Category => Categories.Observation;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month the alert is about.</summary>
    public DateOnly Month { get; set; }
    public AlertTrigger Trigger { get; set; }
    /// <summary>The rest of the natural key: "risk:Warning" for a rise, "{indicator}:{observation}" for an observation.</summary>
    public required string TriggerKey { get; set; }
    public RiskLevel Level { get; set; }
    /// <summary>For a risk rise: the level of the previous month (Low when none was computed).</summary>
    public RiskLevel? PreviousLevel { get; set; }
    public string? IndicatorCode { get; set; }
    public double? Value { get; set; }
    public Guid? ObservationId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    /// <summary>Why, in words: the risk model's reasons or the indicator's threshold explanation.</summary>
    public List<string> Reasons { get; set; } = [];
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    /// <summary>An earlier alert of the same country and month that this one raises (Warning, then Alert): a CAP Update.</summary>
    public Guid? SupersedesId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Link => $"/alerts/{Id}";

    public static string RiskKey(RiskLevel level) => $"risk:{level}";
    public static string ObservationKey(string indicator, Guid observation) => $"{indicator}:{observation:D}";
}

/// <summary>
/// Why one organization was notified of an alert and anything the delivery log must say about it (e.g. that it has
/// no current early-warning focal point). The organization's inbox items for the alert are the rest of its log.
/// </summary>
public sealed class AlertRoute
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AlertId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string OrganizationCode { get; set; }
    /// <summary>Why the routing chose it, one sentence each ("member state since 2002-07-09").</summary>
    public List<string> Reasons { get; set; } = [];
    public string? Note { get; set; }
}

/// <summary>How far the evaluation has read: the newest computation time seen in each source table.</summary>
public sealed class AlertEvaluationMark
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public DateTimeOffset? RiskSeenUpTo { get; set; }
    public DateTimeOffset? IndicatorsSeenUpTo { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}
