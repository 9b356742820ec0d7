using System.Globalization;
using Interlock.Shared;
using Interlock.Web.Components.Shared;
using Interlock.Web.EarlyWarning;

namespace Interlock.Web.Components.EarlyWarning;

/// <summary>The observation form as posted: text as typed, parsed here so a bad number is a field error, not a lost value.</summary>
public sealed class ObservationInput
{
    public string? Indicator { get; set; }
    public string? Country { get; set; }
    public string? Admin1 { get; set; }
    public string? Month { get; set; }
    public string? Value { get; set; }
    public string? Source { get; set; }
    public string? SourceReliability { get; set; } = "F";
    public string? InformationCredibility { get; set; } = "6";
    public string? Note { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public string? Correction { get; set; }
    public long Version { get; set; }

    public static ObservationInput From(Interlock.EarlyWarning.Observations.Observation o) => new()
    {
        Indicator = o.IndicatorCode, Country = o.CountryIso3, Admin1 = o.Admin1, Month = o.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Value = o.Value.ToString("R", CultureInfo.InvariantCulture), Source = o.Source, SourceReliability = o.SourceReliability,
        InformationCredibility = o.InformationCredibility.ToString(CultureInfo.InvariantCulture), Note = o.Note,
        Classification = o.Classification.ToString(), Version = o.Version,
    };

    private (double? Value, int? Credibility, Classification Classification) ParseCommon(FormErrors errors)
    {
        double? value = null;
        if (double.TryParse(Value?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) value = v;
        else errors.Add("value", "Enter a number, e.g. 12 or 3.5.");
        int? credibility = int.TryParse(InformationCredibility, out var c) ? c : null;
        if (!Enum.TryParse<Classification>(Classification, out var classification) || !Enum.IsDefined(classification))
            errors.Add("classification", "Choose a classification.");
        return (value, credibility, classification);
    }

    public ObservationService.Submission? ToSubmission(FormErrors errors)
    {
        var (value, credibility, classification) = ParseCommon(errors);
        var month = ObservationQuery.Month(Month, "month", new ValidationErrors());
        if (month is null) errors.Add("month", "Enter a month as year-month, e.g. 2024-03.");
        return errors.IsEmpty
            ? new ObservationService.Submission(Indicator, Country, Admin1, month, value, Source, SourceReliability, credibility, Note, classification)
            : null;
    }

    public ObservationService.Correction? ToCorrection(FormErrors errors)
    {
        var (value, credibility, classification) = ParseCommon(errors);
        return errors.IsEmpty ? new ObservationService.Correction(value, Source, SourceReliability, credibility, Note, classification, Correction) : null;
    }
}
