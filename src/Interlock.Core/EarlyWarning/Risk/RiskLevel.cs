namespace Interlock.EarlyWarning.Risk;

/// <summary>The common scale of the early-warning exchange, from an indicator's thresholds up to a country's risk.</summary>
public enum RiskLevel : byte
{
    Low = 0,
    Watch = 1,
    Warning = 2,
    Alert = 3,
}
