using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;

namespace Interlock.Web.EarlyWarning;

public sealed record IndicatorDto(string Code, IndicatorDimension Dimension, IndicatorSource Source, string NameEn, string NameFr, string Definition,
    string Unit, IndicatorDirection Direction, string Period, double? Watch, double? Warning, double? Alert, string Hxl, string Basis);

public sealed record IndicatorValueDto(string Indicator, double Value, RiskLevel Level, string? Reason, IndicatorSource Source, Guid? ObservationId,
    Classification Classification);

public sealed record RiskMonthDto(string Month, RiskLevel Level, IReadOnlyList<string> Reasons, IReadOnlyList<IndicatorValueDto> Indicators);

public sealed record CountryRiskDto(string Country, string Name, RiskMonthDto? Latest, IReadOnlyList<RiskMonthDto> History);

public sealed record LatestRiskDto(string Country, string Name, string Month, RiskLevel Level, IReadOnlyList<string> Reasons);

public sealed record AssessmentDto(Guid Id, string Country, string Month, RiskLevel Level, string Justification, Classification Classification,
    string Organization, string? Author, DateTimeOffset RecordedAt);

/// <summary>A new assessment; <c>organization</c> (a code) defaults to the Analyst's own, the only one they may write for.</summary>
public sealed record AssessmentInput(string? Month, RiskLevel? Level, string? Justification, Classification? Classification, string? Organization = null);
