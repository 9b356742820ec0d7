using System.Globalization;
using System.Text;
using Interlock.EarlyWarning;
using Interlock.Registry;
using nietras.SeparatedValues;

namespace Interlock.Benchmarks;

/// <summary>
/// Writes a UCDP-GED-format file of any size by resampling the 1,848 real events of the Central African Republic
/// (data/events/ucdp_ged_car_231.csv, all 49 columns with their quoted newlines and quotes) across the countries of
/// the reference data and the years 1989–2024. Deterministic: the same seed and count give the same bytes.
/// Each generated event keeps its template's text, coordinates and fatalities; it gets a new id, a country
/// (country, country_id) and a year (year, date_start, date_end shifted by whole years).
/// </summary>
public static class GedGenerator
{
    public const int DefaultSeed = 20261126;

    public static long Generate(string path, int events, int seed = DefaultSeed)
    {
        var (header, templates) = ReadTemplates();
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidOperationException($"No column {name}.");
        int id = Col("id"), year = Col("year"), country = Col("country"), countryId = Col("country_id"), start = Col("date_start"), end = Col("date_end");
        var countries = ReferenceData.ReadCountries().Select(r => r.Country).Where(c => c.GwCode is not null)
            .Select(c => (Name: Escape(c.NameEn), Gw: c.GwCode!.Value.ToString(CultureInfo.InvariantCulture))).ToArray();

        var random = new Random(seed);
        var fields = new string[header.Length];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', header));
        writer.Write('\n');
        for (var i = 1; i <= events; i++)
        {
            var t = templates[random.Next(templates.Length)];
            var c = countries[random.Next(countries.Length)];
            var newYear = 1989 + random.Next(36);
            var shift = newYear - t.Start.Year;
            Array.Copy(t.Fields, fields, fields.Length);
            fields[id] = i.ToString(CultureInfo.InvariantCulture);
            fields[year] = newYear.ToString(CultureInfo.InvariantCulture);
            fields[country] = c.Name;
            fields[countryId] = c.Gw;
            fields[start] = t.Start.AddYears(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00.000";
            fields[end] = t.End.AddYears(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00.000";
            for (var f = 0; f < fields.Length; f++)
            {
                if (f > 0) writer.Write(',');
                writer.Write(fields[f]);
            }
            writer.Write('\n');
        }
        writer.Flush();
        return file.Length;
    }

    private sealed record Template(string[] Fields, DateOnly Start, DateOnly End);

    /// <summary>The real rows, each field already written as CSV (quoted where it needs to be).</summary>
    private static (string[] Header, Template[] Rows) ReadTemplates()
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(ShippedEventData.Open(ShippedEventData.GedFile));
        var header = reader.Header.ColNames.ToArray();
        int start = Array.IndexOf(header, "date_start"), end = Array.IndexOf(header, "date_end");
        var rows = new List<Template>();
        foreach (var row in reader)
        {
            var fields = new string[header.Length];
            for (var i = 0; i < fields.Length; i++) fields[i] = Escape(row[i].ToString());
            rows.Add(new Template(fields, DateOnly.ParseExact(row[start].Span[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(row[end].Span[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return (header, rows.ToArray());
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
