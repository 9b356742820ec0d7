using Microsoft.Extensions.Configuration;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The thresholds of the risk rules that are not per indicator (those live in data/reference/indicators.csv).
/// Configuration section <c>EarlyWarning:Risk</c>; every key has the default shown here (docs/early-warning.md).
/// </summary>
public sealed record RiskSettings
{
    /// <summary>change-3m / change-12m are computed only when the month has at least this many deaths.</summary>
    public int ChangeMinimumDeaths { get; init; } = 10;
    /// <summary>The mean of the previous months is taken as at least this many deaths (a month after quiet months: 10 against 1).</summary>
    public double ChangeQuietMean { get; init; } = 1;
    /// <summary>Events and spread (activity without many deaths) raise the level to at most this.</summary>
    public RiskLevel ActivityCap { get; init; } = RiskLevel.Warning;
    /// <summary>Escalation fires when change-3m or change-12m reaches this level...</summary>
    public RiskLevel EscalationAt { get; init; } = RiskLevel.Warning;
    /// <summary>...while the fatality indicators are at least at this level; it raises the level one step.</summary>
    public RiskLevel EscalationNeedsFatalitiesAt { get; init; } = RiskLevel.Watch;
    /// <summary>Fatalities in the neighbours at this level...</summary>
    public RiskLevel SpilloverAt { get; init; } = RiskLevel.Alert;
    /// <summary>...make the country at least this.</summary>
    public RiskLevel SpilloverFloor { get; init; } = RiskLevel.Watch;
    /// <summary>A public reported indicator at Alert makes the country at least this.</summary>
    public RiskLevel ReportedAlertFloor { get; init; } = RiskLevel.Warning;
    /// <summary>A public reported indicator at Warning makes the country at least this.</summary>
    public RiskLevel ReportedWarningFloor { get; init; } = RiskLevel.Watch;

    public static RiskSettings Default { get; } = new();

    /// <summary>
    /// The settings in force: read from configuration when a database context is configured
    /// (<see cref="Data.DatabaseSetup.Configure"/>), so the web host, the CLI and the recompute called from an import agree.
    /// </summary>
    public static RiskSettings Current { get; set; } = Default;

    public static RiskSettings From(IConfiguration config)
    {
        var s = config.GetSection("EarlyWarning:Risk");
        if (!s.Exists()) return Default;
        var d = Default;
        return new RiskSettings
        {
            ChangeMinimumDeaths = s.GetValue(nameof(ChangeMinimumDeaths), d.ChangeMinimumDeaths),
            ChangeQuietMean = s.GetValue(nameof(ChangeQuietMean), d.ChangeQuietMean),
            ActivityCap = s.GetValue(nameof(ActivityCap), d.ActivityCap),
            EscalationAt = s.GetValue(nameof(EscalationAt), d.EscalationAt),
            EscalationNeedsFatalitiesAt = s.GetValue(nameof(EscalationNeedsFatalitiesAt), d.EscalationNeedsFatalitiesAt),
            SpilloverAt = s.GetValue(nameof(SpilloverAt), d.SpilloverAt),
            SpilloverFloor = s.GetValue(nameof(SpilloverFloor), d.SpilloverFloor),
            ReportedAlertFloor = s.GetValue(nameof(ReportedAlertFloor), d.ReportedAlertFloor),
            ReportedWarningFloor = s.GetValue(nameof(ReportedWarningFloor), d.ReportedWarningFloor),
        };
    }
}
