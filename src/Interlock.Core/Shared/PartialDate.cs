using System.Globalization;

namespace Interlock.Shared;

/// <summary>How exact a historical date is: many joins and foundings are known only by year, a few not at all.</summary>
public enum DatePrecision { Day = 0, Year = 1, Unknown = 2 }

/// <summary>Parses "YYYY" or "YYYY-MM-DD" as the reference data gives dates.</summary>
public static class PartialDate
{
    /// <param name="endOfPeriod">A year-only end date means the last day of that year, a start date the first.</param>
    public static bool TryParse(string? text, bool endOfPeriod, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Day;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999)
        {
            date = endOfPeriod ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
            precision = DatePrecision.Year;
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Format(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => date.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Unknown => "",
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
