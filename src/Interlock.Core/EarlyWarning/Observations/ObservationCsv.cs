using System.Globalization;
using Interlock.Registry.Exchange;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// The CSV exchange format of observations, the shared HXL exchange format of the registry (<see cref="HxlTable"/>,
/// <see cref="HxlWriter"/>): a header row, a row of HXL hashtags, then one observation per row. On import columns are
/// found by hashtag, else by header, so order and extra columns do not matter and the hashtag row is optional. Export
/// writes what import reads, so a file round-trips unchanged.
/// </summary>
public static class ObservationCsv
{
    public static readonly HxlColumn Id = new("id", "#meta+id", "id");
    /// <summary>Written for the reader: an import always records the importer's organization.</summary>
    public static readonly HxlColumn Owner = new("owner", "#org+code", "owner", ExportOnly: true);
    public static readonly HxlColumn Indicator = new("indicator", "#indicator+code", "indicator", Required: true);
    public static readonly HxlColumn Country = new("country", "#country+code", "country", Required: true);
    public static readonly HxlColumn Admin1 = new("admin1", "#adm1+name", "admin1");
    public static readonly HxlColumn Month = new("month", "#date+month", "month", Required: true);
    public static readonly HxlColumn Value = new("value", "#indicator+value+num", "value", Required: true);
    public static readonly HxlColumn Source = new("source", "#meta+source", "source", Required: true);
    public static readonly HxlColumn SourceReliability = new("source_reliability", "#meta+reliability", "sourceReliability", Required: true);
    public static readonly HxlColumn InformationCredibility = new("information_credibility", "#meta+credibility", "informationCredibility", Required: true);
    public static readonly HxlColumn ClassificationColumn = new("classification", "#meta+classification", "classification", Required: true);
    public static readonly HxlColumn Note = new("note", "#description", "note");
    /// <summary>Written for the reader: the revision an import makes is numbered by the database, not by the file.</summary>
    public static readonly HxlColumn Revision = new("revision", "#meta+revision", "revision", ExportOnly: true);
    public static readonly HxlColumn Correction = new("correction", "#meta+correction", "correction");

    public static readonly IReadOnlyList<HxlColumn> Columns =
    [
        Id, Owner, Indicator, Country, Admin1, Month, Value, Source, SourceReliability, InformationCredibility, ClassificationColumn, Note,
        Revision, Correction,
    ];

    /// <summary>One parsed row, or the reasons it is rejected.</summary>
    public sealed record Row(int Line, Guid? Id, ObservationSubject Subject, ObservationContent Content, string? Correction);

    /// <summary>The accepted rows, the rejections, and where the file put each column (to name a column as the file does).</summary>
    public sealed record ReadResult(List<Row> Rows, List<ExchangeRejection> Rejections, HxlBinding Binding)
    {
        public string NameOf(HxlColumn column) => Binding.NameOf(column);
    }

    public static async Task<ReadResult> ReadAsync(Stream stream, DateOnly today, CancellationToken ct = default) =>
        Read(await HxlTable.ReadAsync(stream, ct), today);

    public static ReadResult Read(string text, DateOnly today) => Read(HxlTable.Parse(text), today);

    public static ReadResult Read(HxlTable table, DateOnly today)
    {
        var rows = new List<Row>();
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Columns, rejections);
        if (rejections.Count > 0) return new ReadResult(rows, rejections, binding);

        var seen = new Dictionary<ObservationSubject, int>();
        foreach (var hxl in table.Rows)
        {
            // A row with more or fewer fields than the header is misaligned (an unquoted separator in a note, say):
            // reading its cells by position would put values in the wrong columns.
            if (hxl.Cells.Count != table.Headers.Count)
            {
                rejections.Add(new ExchangeRejection(hxl.Line, "row", $"{hxl.Cells.Count} fields where the header has {table.Headers.Count}."));
                continue;
            }
            var cells = new ExchangeRow(hxl, binding, rejections);
            var row = Parse(cells, today);
            if (row is null) continue;
            if (seen.TryGetValue(row.Subject, out var earlier))
                cells.Reject(Indicator, $"the same indicator, place and month as line {earlier}.");
            else
            {
                seen[row.Subject] = row.Line;
                rows.Add(row);
            }
        }
        return new ReadResult(rows, rejections, binding);
    }

    private static Row? Parse(ExchangeRow row, DateOnly today)
    {
        // Raw, not Text: an empty required cell is left to the domain rules, whose messages say what the value must be.
        string? Cell(HxlColumn column) => ObservationRules.Clean(row.Raw(column));

        Guid? id = null;
        if (Cell(Id) is { } idText)
        {
            if (Guid.TryParse(idText, out var g)) id = g;
            else row.Reject(Id, $"'{idText}' is not an observation id.");
        }
        var indicator = Cell(Indicator);
        var country = Cell(Country)?.ToUpperInvariant();
        var admin1 = Cell(Admin1);
        DateOnly? month = null;
        if (Cell(Month) is { } m)
        {
            if (DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) month = d;
            else row.Reject(Month, $"'{m}' is not a month as YYYY-MM.");
        }
        double? value = null;
        if (Cell(Value) is { } v)
        {
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) value = x;
            else row.Reject(Value, $"'{v}' is not a number (use a dot for decimals).");
        }
        int? credibility = null;
        if (Cell(InformationCredibility) is { } c)
        {
            if (int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) credibility = n;
            else row.Reject(InformationCredibility, $"'{c}' is not a grade from 1 to 6.");
        }
        var classificationText = Cell(ClassificationColumn);
        Classification classification = default;
        if (classificationText is null || !ExchangeFormat.TryParseEnum(classificationText, out classification))
            row.Reject(ClassificationColumn, $"'{classificationText}' is not one of Public, Partners, Confidential, StrictlyConfidential.");
        var source = Cell(Source);
        var reliability = Cell(SourceReliability)?.ToUpperInvariant();
        var note = Cell(Note);
        var correction = Cell(Correction);

        if (!row.IsRejected)
        {
            var errors = ObservationRules.ValidateSubject(indicator, country, admin1, month, today);
            ObservationRules.ValidateContent(value, source, reliability, credibility, note, correction, errors: errors);
            row.Reject(errors);
        }
        if (row.IsRejected) return null;
        return new Row(row.Line, id, new ObservationSubject(indicator!, country!, admin1, month!.Value),
            new ObservationContent(value!.Value, source!, reliability!, credibility!.Value, note, classification), correction);
    }

    public static void Write(TextWriter w, IEnumerable<Observation> observations, IReadOnlyDictionary<Guid, string> ownerCodes) =>
        w.Write(ToText(observations, ownerCodes));

    public static string ToText(IEnumerable<Observation> observations, IReadOnlyDictionary<Guid, string> ownerCodes) =>
        HxlWriter.Write(Columns, observations.Select(o => (IReadOnlyList<string?>)
        [
            o.Id.ToString("D"), ownerCodes.GetValueOrDefault(o.OwnerOrganizationId), o.IndicatorCode, o.CountryIso3, o.Admin1,
            o.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), o.Value.ToString("R", CultureInfo.InvariantCulture), o.Source,
            o.SourceReliability, o.InformationCredibility.ToString(CultureInfo.InvariantCulture), o.Classification.ToString(), o.Note,
            o.Revision.ToString(CultureInfo.InvariantCulture), null,
        ]));
}
