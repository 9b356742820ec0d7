using System.Globalization;
using Interlock.EarlyWarning.Risk;

namespace Interlock.EarlyWarning.Indicators;

public enum IndicatorDimension { Security, Political, Economic, SocialHumanitarian, Environmental }

/// <summary>Derived indicators are computed from the event store; reported ones come from organizations' observations.</summary>
public enum IndicatorSource { Derived, Reported }

public enum IndicatorDirection { HigherIsWorse, LowerIsWorse }

/// <summary>
/// One of the common early-warning indicators (data/reference/indicators.csv). Thresholds are inclusive: a value
/// at or beyond a threshold has that level. A threshold left empty means the level is not used by the indicator.
/// </summary>
public sealed record IndicatorDefinition(
    string Code, IndicatorDimension Dimension, IndicatorSource Source, string NameEn, string NameFr, string Definition,
    string Unit, IndicatorDirection Direction, double? Watch, double? Warning, double? Alert, string Hxl, string Basis)
{
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    /// <summary>The level a value sits at: the most severe threshold it reaches.</summary>
    public RiskLevel LevelOf(double value)
    {
        if (Reaches(value, Alert)) return RiskLevel.Alert;
        if (Reaches(value, Warning)) return RiskLevel.Warning;
        if (Reaches(value, Watch)) return RiskLevel.Watch;
        return RiskLevel.Low;
    }

    public double? ThresholdOf(RiskLevel level) => level switch
    {
        RiskLevel.Watch => Watch,
        RiskLevel.Warning => Warning,
        RiskLevel.Alert => Alert,
        _ => null,
    };

    /// <summary>The value placed against its thresholds in words, e.g. "340 deaths, at or above the Alert threshold of 250".</summary>
    public string Explain(double value)
    {
        var level = LevelOf(value);
        var shown = Format(value);
        var beyond = Direction == IndicatorDirection.HigherIsWorse ? "at or above" : "at or below";
        if (level == RiskLevel.Low)
        {
            var next = Watch ?? Warning ?? Alert;
            var below = Direction == IndicatorDirection.HigherIsWorse ? "below" : "above";
            return next is { } t ? $"{shown} {Unit}, {below} the Watch threshold of {Format(t)}" : $"{shown} {Unit}";
        }
        return $"{shown} {Unit}, {beyond} the {level} threshold of {Format(ThresholdOf(level)!.Value)}";
    }

    private bool Reaches(double value, double? threshold) => threshold is { } t &&
        (Direction == IndicatorDirection.HigherIsWorse ? value >= t : value <= t);

    public static string Format(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "0.##", CultureInfo.InvariantCulture);
}
