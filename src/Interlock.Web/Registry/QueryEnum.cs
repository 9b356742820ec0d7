using Interlock.Shared;

namespace Interlock.Web.Registry;

/// <summary>
/// Enum filters in query strings, spelled as the JSON spells them (camelCase) or in any case. Minimal APIs' own
/// binding is case-sensitive and answers a problem that does not name the parameter; this names it.
/// </summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value.Trim()[0]))
            return parsed;
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        errors.Add(field, $"'{value}' is not one of: {allowed}.");
        return null;
    }
}
