using System.Globalization;
using System.Net;
using System.Text;
using Bucket = Interlock.Meetings.ImplementationReport.Bucket;

namespace Interlock.Web.Meetings;

/// <summary>
/// Stacked horizontal bar charts drawn on the server as SVG: no script, readable without JavaScript, printable, and the
/// same picture in the page and in the HTML export. Each bar has a title (tooltip) and the chart a text alternative.
/// </summary>
public static class ReportCharts
{
    private static readonly Dictionary<Bucket, string> Colours = new()
    {
        [Bucket.Implemented] = "#2e7d32", [Bucket.InProgress] = "#1565c0", [Bucket.Overdue] = "#c62828", [Bucket.Lapsed] = "#6d4c41",
        [Bucket.Open] = "#f9a825", [Bucket.Superseded] = "#8e24aa", [Bucket.Unknown] = "#9e9e9e",
    };

    public static string Bars(string title, IReadOnlyList<(string Label, IReadOnlyDictionary<Bucket, int> Counts)> rows, Func<Bucket, string> name)
    {
        const int labelWidth = 150, barWidth = 420, rowHeight = 22, top = 30;
        var max = Math.Max(1, rows.Select(r => r.Counts.Values.Sum()).DefaultIfEmpty(0).Max());
        var height = top + rows.Count * rowHeight + 30;
        var b = new StringBuilder();
        var summary = string.Join("; ", rows.Select(r => $"{r.Label}: " + string.Join(", ", r.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {name(c.Key)}"))));
        b.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" ")
         .Append(CultureInfo.InvariantCulture, $"width=\"{labelWidth + barWidth + 60}\" height=\"{height}\" aria-label=\"{E(title)}. {E(summary)}\" data-testid=\"report-chart\">")
         .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"18\" font-weight=\"bold\" font-size=\"14\">{E(title)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = top + i * rowHeight;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(rows[i].Label)}</text>");
            double x = labelWidth;
            foreach (var (bucket, count) in rows[i].Counts.Where(c => c.Value > 0))
            {
                var w = barWidth * count / (double)max;
                b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{rowHeight - 6}\" fill=\"{Colours[bucket]}\">")
                 .Append(CultureInfo.InvariantCulture, $"<title>{E(rows[i].Label)}: {count} {E(name(bucket))}</title></rect>");
                x += w;
            }
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{y + 15}\" font-size=\"12\">{rows[i].Counts.Values.Sum()}</text>");
        }
        // The legend, so colours are never the only way to tell the buckets apart (the titles and the table say it in words too).
        double lx = 0;
        var ly = top + rows.Count * rowHeight + 12;
        foreach (var (bucket, colour) in Colours)
        {
            b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.#}\" y=\"{ly}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>")
             .Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 14:0.#}\" y=\"{ly + 9}\" font-size=\"11\">{E(name(bucket))}</text>");
            lx += 14 + name(bucket).Length * 6.5 + 12;
        }
        return b.Append("</svg>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
