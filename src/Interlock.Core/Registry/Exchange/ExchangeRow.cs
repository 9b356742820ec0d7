using System.Globalization;
using System.Text.Json;
using Interlock.Shared;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Reads the typed values of one row and collects its rejections, each naming the line and the column's header.
/// A value that does not parse is rejected here; the domain rules then check the parsed values.
/// </summary>
public sealed class ExchangeRow(HxlRow row, HxlBinding binding, List<ExchangeRejection> rejections)
{
    private int _rejected;

    public int Line => row.Line;
    public bool IsRejected => _rejected > 0;

    public bool Has(HxlColumn column) => binding.Has(column);

    /// <summary>The trimmed text of the cell, or null when blank or the column is absent.</summary>
    public string? Text(HxlColumn column)
    {
        var value = row[binding.IndexOf(column)]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (column.Required) Reject(column, "A value is required.");
            return null;
        }
        return value;
    }

    /// <summary>Text as given, blank kept as "" (a membership's unknown join date is an empty cell).</summary>
    public string? Raw(HxlColumn column) => binding.Has(column) ? row[binding.IndexOf(column)]?.Trim() ?? "" : null;

    public DateOnly? Date(HxlColumn column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Reject(column, $"'{text}' is not a date as YYYY-MM-DD.");
        return null;
    }

    public int? Int(HxlColumn column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        Reject(column, $"'{text}' is not a whole number.");
        return null;
    }

    public bool Bool(HxlColumn column)
    {
        var text = Text(column);
        if (text is null) return false;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "oui": return true;
            case "false" or "no" or "n" or "0" or "non": return false;
            default:
                Reject(column, $"'{text}' is not true or false.");
                return false;
        }
    }

    public Guid? Id(HxlColumn column)
    {
        var text = Text(column);
        if (text is null) return null;
        if (Guid.TryParse(text, out var id)) return id;
        Reject(column, $"'{text}' is not an identifier (a GUID as the export writes it).");
        return null;
    }

    public T? Enum<T>(HxlColumn column) where T : struct, Enum
    {
        var text = Text(column);
        if (text is null) return null;
        if (ExchangeFormat.TryParseEnum<T>(text, out var value)) return value;
        Reject(column, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetValues<T>().Select(v => ExchangeFormat.Enum(v)))}.");
        return null;
    }

    /// <summary>A list cell: values separated by semicolons (commas and spaces are accepted too).</summary>
    public List<string> List(HxlColumn column) =>
        (Text(column) ?? "").Split([';', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public void Reject(HxlColumn column, string reason) => Add(binding.NameOf(column), reason);

    /// <summary>Reports a domain rule's errors on the columns that hold the fields they name.</summary>
    public void Reject(ValidationErrors errors)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var column = binding.ColumnOfField(field);
            foreach (var m in messages) Add(column is null ? field : binding.NameOf(column), m);
        }
    }

    private void Add(string column, string reason)
    {
        _rejected++;
        rejections.Add(new ExchangeRejection(row.Line, column, reason));
    }
}

/// <summary>How values are written in exchange files: ISO dates, camelCase enum names as in the API, lists joined by "; ".</summary>
public static class ExchangeFormat
{
    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Enum<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? Enum<T>(T? value) where T : struct, Enum => value is { } v ? Enum(v) : null;

    public static string Bool(bool b) => b ? "true" : "false";

    public static string List(IEnumerable<string> values) => string.Join("; ", values);

    public static string? Int(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts the name in any case (earlyWarning, EarlyWarning, EARLYWARNING) but never a number.</summary>
    public static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum =>
        System.Enum.TryParse(text.Trim(), ignoreCase: true, out value) && System.Enum.IsDefined(value)
        && !char.IsAsciiDigit(text.Trim()[0]) && text.Trim()[0] != '-';
}
