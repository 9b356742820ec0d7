using System.Globalization;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Incidents;
using Interlock.Shared;
using Interlock.Web.Components.Shared;

namespace Interlock.Web.Components.EarlyWarning;

/// <summary>The incident form as posted: text as typed, parsed here so a bad number is a field error, not a lost value.</summary>
public sealed class IncidentInput
{
    public string? Date { get; set; }
    public string? Country { get; set; }
    public string? Admin1 { get; set; }
    public string? Place { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Precision { get; set; } = nameof(CoordinatePrecision.TenthDegree);
    public string? ViolenceType { get; set; } = nameof(Interlock.EarlyWarning.ViolenceType.StateBased);
    public string? IncidentType { get; set; }
    public string? SideA { get; set; }
    public string? SideB { get; set; }
    public string? Fatalities { get; set; } = "0";
    public string? Source { get; set; }
    public string? Description { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public long Version { get; set; }

    /// <summary>The form filled with a report as its owner sees it (exact coordinates).</summary>
    public static IncidentInput From(IncidentReport r) => new()
    {
        Date = Dates.Day(r.Date), Country = r.CountryIso3, Admin1 = r.Admin1, Place = r.Place,
        Latitude = r.Latitude?.ToString(CultureInfo.InvariantCulture), Longitude = r.Longitude?.ToString(CultureInfo.InvariantCulture),
        Precision = r.Precision.ToString(), ViolenceType = r.ViolenceType.ToString(), IncidentType = r.IncidentType, SideA = r.SideA,
        SideB = r.SideB, Fatalities = r.Fatalities.ToString(CultureInfo.InvariantCulture), Source = r.Source, Description = r.Description,
        Classification = r.Classification.ToString(), Version = r.Version,
    };

    public (IncidentRules.Input Input, Classification Classification)? Parse(FormErrors errors)
    {
        if (!Dates.TryParseOptional(Date, out var date)) errors.Add("date", "Enter a date as year-month-day, e.g. 2024-03-31.");
        var lat = Number(Latitude, "latitude", errors);
        var lon = Number(Longitude, "longitude", errors);
        if (!Enum.TryParse<CoordinatePrecision>(Precision, out var precision)) errors.Add("precision", "Choose a precision.");
        if (!Enum.TryParse<ViolenceType>(ViolenceType, out var violence)) errors.Add("violenceType", "Choose a type of violence.");
        int? fatalities = int.TryParse(Fatalities, NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        if (fatalities is null) errors.Add("fatalities", "A whole number of at least 0.");
        if (!Enum.TryParse<Classification>(Classification, out var classification)) errors.Add("classification", "Choose a classification.");
        if (!errors.IsEmpty) return null;
        return (new IncidentRules.Input(date, Country, Admin1, Place, lat, lon, precision, violence, IncidentType, SideA, SideB, fatalities, Source,
            Description), classification);
    }

    private static double? Number(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, "Enter a number in decimal degrees, e.g. 4.36.");
        return null;
    }
}
