namespace Interlock.EarlyWarning.Incidents;

/// <summary>How precisely the coordinates of a report are shown outside the organization that owns it.</summary>
public enum CoordinatePrecision
{
    /// <summary>As reported.</summary>
    Exact = 0,
    /// <summary>Rounded to 0.1° (about 11 km): the area, not the village.</summary>
    TenthDegree = 1,
    /// <summary>Rounded to 1° (about 110 km): the region only.</summary>
    OneDegree = 2,
    /// <summary>Not shown at all: only the country and first-level area.</summary>
    Hidden = 3,
}

/// <summary>Reduces coordinates to the precision a sensitive report may be shown at. The exact values never leave this rule.</summary>
public static class ReportedLocation
{
    public static (double? Latitude, double? Longitude, CoordinatePrecision Precision) Reduce(double? latitude, double? longitude, CoordinatePrecision precision)
    {
        if (latitude is not { } lat || longitude is not { } lon) return (null, null, precision);
        return precision switch
        {
            CoordinatePrecision.Exact => (lat, lon, precision),
            CoordinatePrecision.TenthDegree => (Math.Round(lat, 1, MidpointRounding.AwayFromZero), Math.Round(lon, 1, MidpointRounding.AwayFromZero), precision),
            CoordinatePrecision.OneDegree => (Math.Round(lat, 0, MidpointRounding.AwayFromZero), Math.Round(lon, 0, MidpointRounding.AwayFromZero), precision),
            _ => (null, null, precision),
        };
    }
}
