using System.Text;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Writes an exchange file: a row of headers, a row of HXL hashtags, then the data, as RFC 4180 CSV (CRLF line ends,
/// values quoted when they hold a separator, a quote or a line break).
/// </summary>
public static class HxlWriter
{
    public const string MediaType = "text/csv";

    public static string Write(IReadOnlyList<HxlColumn> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        WriteLine(sb, columns.Select(c => c.Header).ToList());
        WriteLine(sb, columns.Select(c => c.Tag).ToList());
        foreach (var row in rows)
        {
            if (row.Count != columns.Count) throw new ArgumentException($"A row has {row.Count} values for {columns.Count} columns.");
            WriteLine(sb, row);
        }
        return sb.ToString();
    }

    private static void WriteLine(StringBuilder sb, IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Escape(values[i]));
        }
        sb.Append("\r\n");
    }

    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var quote = value.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 || value != value.Trim();
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
