using nietras.SeparatedValues;

namespace Interlock.Registry.Exchange;

/// <summary>One data row of a file, with the line it starts on (a quoted value may span lines).</summary>
public sealed record HxlRow(int Line, IReadOnlyList<string> Cells)
{
    public string? this[int index] => index >= 0 && index < Cells.Count ? Cells[index] : null;
}

/// <summary>
/// A CSV file with HXL hashtags: optional text headers, then a row of hashtags (within the first 25 rows, as HXL
/// allows), then data. A file without a hashtag row is read with its first row as the headers. A byte order mark,
/// CRLF or LF line ends, and a comma or semicolon separator are all accepted. Blank rows are skipped.
/// </summary>
public sealed class HxlTable
{
    private const int HashtagRowSearchLimit = 25;

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<HxlTag?> Tags { get; }
    /// <summary>The line of the row that named the columns (the hashtag row, else the header row).</summary>
    public int HeaderLine { get; }
    public IReadOnlyList<HxlRow> Rows { get; }

    private HxlTable(IReadOnlyList<string> headers, IReadOnlyList<HxlTag?> tags, int headerLine, IReadOnlyList<HxlRow> rows) =>
        (Headers, Tags, HeaderLine, Rows) = (headers, tags, headerLine, rows);

    public static HxlTable Parse(string text)
    {
        // A BOM left in a string (e.g. a body read without decoding it) would otherwise stick to the first header.
        text = text.TrimStart('\uFEFF');
        var all = new List<HxlRow>();
        if (!string.IsNullOrWhiteSpace(text))
        {
            using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
            var first = true;
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < row.ColCount; i++) cells[i] = row[i].ToString();
                // Sep reports the first row of a file without a header as starting where it ends (line 2 for a one-line
                // row); the first row of the text always starts on line 1.
                var line = first ? 1 : row.LineNumberFrom;
                first = false;
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                all.Add(new HxlRow(line, cells));
            }
        }
        if (all.Count == 0) return new HxlTable([], [], 1, []);

        var tagRow = all.Take(HashtagRowSearchLimit).ToList().FindIndex(IsHashtagRow);
        if (tagRow < 0)
        {
            var headers = all[0].Cells.Select(c => c.Trim()).ToList();
            return new HxlTable(headers, headers.Select(_ => (HxlTag?)null).ToList(), all[0].Line, all.Skip(1).ToList());
        }
        var tags = all[tagRow].Cells.Select(HxlTag.Parse).ToList();
        var names = tagRow > 0 ? all[tagRow - 1].Cells.Select(c => c.Trim()).ToList() : [];
        var padded = Enumerable.Range(0, tags.Count).Select(i => i < names.Count && names[i].Length > 0 ? names[i] : tags[i]?.ToString() ?? "").ToList();
        return new HxlTable(padded, tags, all[tagRow].Line, all.Skip(tagRow + 1).ToList());
    }

    public static async Task<HxlTable> ReadAsync(Stream stream, CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(await reader.ReadToEndAsync(ct));
    }

    private static bool IsHashtagRow(HxlRow row) =>
        row.Cells.Any(c => c.Trim().Length > 0) && row.Cells.Where(c => c.Trim().Length > 0).All(c => HxlTag.Parse(c) is not null);

    /// <summary>
    /// Finds each column of <paramref name="spec"/> by its hashtag, else by its header (case-insensitive); a required column
    /// that is missing, or a column found twice, is a rejection on the header line.
    /// </summary>
    public HxlBinding Bind(IReadOnlyList<HxlColumn> spec, List<ExchangeRejection> rejections)
    {
        var found = new Dictionary<HxlColumn, (int Index, string Name)>();
        if (Headers.Count == 0)
        {
            rejections.Add(new ExchangeRejection(1, "", "The file is empty: it needs a header row, a row of HXL hashtags and the data."));
            return new HxlBinding(spec, found);
        }
        foreach (var column in spec.Where(c => !c.ExportOnly))
        {
            var byTag = Enumerable.Range(0, Tags.Count).Where(i => Tags[i] is { } t && t.SameAs(column.ParsedTag)).ToList();
            var matches = byTag.Count > 0 ? byTag
                : Enumerable.Range(0, Headers.Count).Where(i => string.Equals(Headers[i], column.Header, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count > 1)
                rejections.Add(new ExchangeRejection(HeaderLine, column.Header, $"The column appears {matches.Count} times; keep one."));
            else if (matches.Count == 1)
                found[column] = (matches[0], Headers[matches[0]] is { Length: > 0 } h ? h : column.Header);
            else if (column.Required)
                rejections.Add(new ExchangeRejection(HeaderLine, column.Header,
                    $"The column is missing: add a column headed '{column.Header}' or tagged {column.Tag}."));
        }
        return new HxlBinding(spec, found);
    }
}

/// <summary>Where each column of a specification is in one file, and the name to report it by.</summary>
public sealed class HxlBinding(IReadOnlyList<HxlColumn> spec, IReadOnlyDictionary<HxlColumn, (int Index, string Name)> found)
{
    public IReadOnlyList<HxlColumn> Spec { get; } = spec;

    public bool Has(HxlColumn column) => found.ContainsKey(column);

    public int IndexOf(HxlColumn column) => found.TryGetValue(column, out var f) ? f.Index : -1;

    /// <summary>The header the file uses for the column (what a person fixing the file looks for).</summary>
    public string NameOf(HxlColumn column) => found.TryGetValue(column, out var f) ? f.Name : column.Header;

    /// <summary>The column a domain rule's field name refers to, if any.</summary>
    public HxlColumn? ColumnOfField(string field) => Spec.FirstOrDefault(c => !c.ExportOnly && c.Field == field);
}
