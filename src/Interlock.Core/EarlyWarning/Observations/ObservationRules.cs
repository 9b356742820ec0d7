using Interlock.EarlyWarning.Indicators;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Observations;

/// <summary>The checks every submission passes, through the pages, the API and CSV alike. Field names are the API's.</summary>
public static class ObservationRules
{
    public static readonly DateOnly EarliestMonth = new(1946, 1, 1);

    public static ValidationErrors ValidateSubject(string? indicatorCode, string? countryIso3, string? admin1, DateOnly? month, DateOnly today,
        ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        var indicator = IndicatorCatalog.Find(indicatorCode);
        if (indicator is null) errors.Add("indicator", $"'{indicatorCode}' is not an indicator of the common framework.");
        else errors.Require(indicator.Source == IndicatorSource.Reported, "indicator",
            $"'{indicatorCode}' is derived from event data; only reported indicators are observed.");
        errors.Require(countryIso3 is not null && CountryCodes.Default.IsKnown(countryIso3), "country",
            $"'{countryIso3}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
        errors.Require(admin1 is null || admin1.Length <= 200, "admin1", "At most 200 characters.");
        if (month is null) errors.Add("month", "A month as YYYY-MM is required.");
        else errors.Require(month >= EarliestMonth && month <= CountryMonth.MonthOf(today), "month",
            $"Must be between {EarliestMonth:yyyy-MM} and the current month.");
        return errors;
    }

    public static ValidationErrors ValidateContent(double? value, string? source, string? reliability, int? credibility, string? note,
        string? correction = null, bool isRevision = false, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        errors.Require(value is { } v && double.IsFinite(v), "value", "A number is required.");
        errors.Require(!string.IsNullOrWhiteSpace(source), "source", "Name the source.");
        errors.Require(source is null || source.Length <= 500, "source", "At most 500 characters.");
        errors.Require(SourceGrades.IsReliability(reliability), "sourceReliability", "A grade from A (completely reliable) to F (cannot be judged).");
        errors.Require(credibility is { } c && SourceGrades.IsCredibility(c), "informationCredibility",
            "A grade from 1 (confirmed) to 6 (cannot be judged).");
        errors.Require(note is null || note.Length <= 4000, "note", "At most 4000 characters.");
        if (isRevision) errors.Require(!string.IsNullOrWhiteSpace(correction), "correction", "Say what the revision corrects.");
        errors.Require(correction is null || correction.Length <= 1000, "correction", "At most 1000 characters.");
        return errors;
    }

    /// <summary>Text fields as stored: trimmed, empty as null.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
