using System.Globalization;
using System.Text;
using Interlock.Shared;
using nietras.SeparatedValues;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// The CSV exchange format of observations: a header row of column names, then (as HXL asks) a row of HXL hashtags,
/// then one observation per row. Columns are found by name, so order and extra columns do not matter; the hashtag
/// row is optional on import. Export writes what import reads, so a file round-trips unchanged.
/// </summary>
public static class ObservationCsv
{
    public sealed record Column(string Name, string Hxl, bool Required);

    public static readonly Column[] Columns =
    [
        new("id", "#meta+id", false),
        new("owner", "#org+code", false),
        new("indicator", "#indicator+code", true),
        new("country", "#country+code", true),
        new("admin1", "#adm1+name", false),
        new("month", "#date+month", true),
        new("value", "#indicator+value+num", true),
        new("source", "#meta+source", true),
        new("source_reliability", "#meta+reliability", true),
        new("information_credibility", "#meta+credibility", true),
        new("classification", "#meta+classification", true),
        new("note", "#description", false),
        new("revision", "#meta+revision", false),
        new("correction", "#meta+correction", false),
    ];

    /// <summary>One parsed row, or the reasons it is rejected.</summary>
    public sealed record Row(int Line, Guid? Id, ObservationSubject Subject, ObservationContent Content, string? Correction);

    public sealed record ReadResult(List<Row> Rows, List<CsvRejection> Rejections);

    public static ReadResult Read(Stream stream, DateOnly today)
    {
        var rows = new List<Row>();
        var rejections = new List<CsvRejection>();
        SepReader reader;
        try
        {
            reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            rejections.Add(new CsvRejection(1, "file", $"not a CSV file: {ex.Message}"));
            return new ReadResult(rows, rejections);
        }
        using (reader)
        {
            if (!reader.HasHeader || reader.Header.ColNames.Count == 0 || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
            {
                rejections.Add(new CsvRejection(1, "file", "the file is empty: a header row with the column names is required."));
                return new ReadResult(rows, rejections);
            }
            var names = reader.Header.ColNames.Select(n => n.Trim()).ToList();
            foreach (var missing in Columns.Where(c => c.Required && !names.Contains(c.Name)))
                rejections.Add(new CsvRejection(1, missing.Name, "required column is missing."));
            if (rejections.Count > 0) return new ReadResult(rows, rejections);

            var index = Columns.ToDictionary(c => c.Name, c => names.IndexOf(c.Name));
            var seen = new Dictionary<ObservationSubject, int>();
            foreach (var r in reader)
            {
                var line = r.LineNumberFrom;
                if (r.ColCount != names.Count)
                {
                    rejections.Add(new CsvRejection(line, "row", $"{r.ColCount} fields where the header has {names.Count}."));
                    continue;
                }
                var cells = new string?[names.Count];
                for (var i = 0; i < cells.Length; i++) cells[i] = ObservationRules.Clean(r[i].ToString());
                string? Cell(string column) => index[column] < 0 ? null : cells[index[column]];
                // The HXL hashtag row, right under the header.
                if (rows.Count == 0 && rejections.Count == 0 && Cell("indicator") is { } first && first.StartsWith('#')) continue;
                var row = Parse(line, Cell, today, rejections);
                if (row is null) continue;
                if (seen.TryGetValue(row.Subject, out var earlier))
                    rejections.Add(new CsvRejection(line, "indicator", $"the same indicator, place and month as line {earlier}."));
                else
                {
                    seen[row.Subject] = line;
                    rows.Add(row);
                }
            }
        }
        return new ReadResult(rows, rejections);
    }

    private static Row? Parse(int line, Func<string, string?> cell, DateOnly today, List<CsvRejection> rejections)
    {
        var before = rejections.Count;
        void Reject(string column, string reason) => rejections.Add(new CsvRejection(line, column, reason));

        Guid? id = null;
        if (cell("id") is { } idText)
        {
            if (Guid.TryParse(idText, out var g)) id = g;
            else Reject("id", $"'{idText}' is not an observation id.");
        }
        var indicator = cell("indicator");
        var country = cell("country")?.ToUpperInvariant();
        var admin1 = cell("admin1");
        DateOnly? month = null;
        if (cell("month") is { } m)
        {
            if (DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) month = d;
            else { Reject("month", $"'{m}' is not a month as YYYY-MM."); }
        }
        double? value = null;
        if (cell("value") is { } v)
        {
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) value = x;
            else { Reject("value", $"'{v}' is not a number (use a dot for decimals)."); }
        }
        int? credibility = null;
        if (cell("information_credibility") is { } c)
        {
            if (int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) credibility = n;
            else Reject("information_credibility", $"'{c}' is not a grade from 1 to 6.");
        }
        var classificationText = cell("classification");
        Classification classification = default;
        if (classificationText is null || !Enum.TryParse(classificationText, ignoreCase: true, out classification) ||
            !Enum.IsDefined(classification) || char.IsDigit(classificationText[0]))
            Reject("classification", $"'{classificationText}' is not one of Public, Partners, Confidential, StrictlyConfidential.");

        if (rejections.Count == before)
        {
            var errors = ObservationRules.ValidateSubject(indicator, country, admin1, month, today);
            ObservationRules.ValidateContent(value, cell("source"), cell("source_reliability")?.ToUpperInvariant(), credibility, cell("note"),
                cell("correction"), errors: errors);
            foreach (var (field, messages) in errors.ToDictionary())
                foreach (var message in messages) Reject(ColumnOf(field), message);
        }
        if (rejections.Count > before) return null;
        return new Row(line, id, new ObservationSubject(indicator!, country!, admin1, month!.Value),
            new ObservationContent(value!.Value, cell("source")!, cell("source_reliability")!.ToUpperInvariant(), credibility!.Value, cell("note"), classification),
            cell("correction"));
    }

    /// <summary>The CSV column of an API field name.</summary>
    private static string ColumnOf(string field) => field switch
    {
        "sourceReliability" => "source_reliability",
        "informationCredibility" => "information_credibility",
        _ => field,
    };

    public static void Write(TextWriter w, IEnumerable<Observation> observations, IReadOnlyDictionary<Guid, string> ownerCodes)
    {
        w.Write(string.Join(',', Columns.Select(c => c.Name)) + "\r\n");
        w.Write(string.Join(',', Columns.Select(c => c.Hxl)) + "\r\n");
        foreach (var o in observations)
        {
            string?[] cells =
            [
                o.Id.ToString("D"), ownerCodes.GetValueOrDefault(o.OwnerOrganizationId), o.IndicatorCode, o.CountryIso3, o.Admin1,
                o.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), o.Value.ToString("R", CultureInfo.InvariantCulture), o.Source,
                o.SourceReliability, o.InformationCredibility.ToString(CultureInfo.InvariantCulture), o.Classification.ToString(), o.Note,
                o.Revision.ToString(CultureInfo.InvariantCulture), null,
            ];
            w.Write(string.Join(',', cells.Select(Quote)) + "\r\n");
        }
    }

    private static string Quote(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var needs = s.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needs ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static string ToText(IEnumerable<Observation> observations, IReadOnlyDictionary<Guid, string> ownerCodes)
    {
        var sb = new StringBuilder();
        using var w = new StringWriter(sb, CultureInfo.InvariantCulture);
        Write(w, observations, ownerCodes);
        return sb.ToString();
    }
}

/// <summary>Why one row of a CSV file is rejected: its physical line (the header is line 1), the column and the reason.</summary>
public sealed record CsvRejection(int Line, string Column, string Reason)
{
    public override string ToString() => $"line {Line}, {Column}: {Reason}";
}
