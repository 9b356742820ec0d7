using System.Globalization;

namespace Interlock.Web.Components.Shared;

/// <summary>Dates as the pages show and read them: ISO days (what date inputs send), times in UTC.</summary>
public static class Dates
{
    public static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Time(DateTimeOffset? t) =>
        t?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Parses an optional day; false when text is there but is not a date.</summary>
    public static bool TryParseOptional(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = d;
        return true;
    }
}
