using System.Globalization;
using System.Net;
using System.Text;
using Bucket = Interlock.Meetings.ImplementationReport.Bucket;

namespace Interlock.Web.Meetings;

/// <summary>
/// The implementation report as files the standing committee circulates: CSV (one line per meeting, owner, bucket and
/// decision, so every number can be recounted) and a self-contained HTML page with the charts and the lists.
/// </summary>
public static class ReportExport
{
    public static string Csv(StandingCommitteeReport report)
    {
        var b = new StringBuilder();
        b.Append("meeting_id,meeting,meeting_start,owner,bucket,decision_id,reference,occurrence,due_on,status,text\n");
        foreach (var row in report.Rows)
        {
            var meeting = report.Meetings.First(m => m.Id == row.MeetingId);
            foreach (var bucket in StandingCommitteeReport.Shown)
                foreach (var item in row.Items.GetValueOrDefault(bucket) ?? [])
                    b.AppendJoin(',', meeting.Id.ToString("D"), Field(meeting.Title), meeting.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Field(report.OwnerCode(row.OwnerId)), BucketName(bucket), item.Id.ToString("D"), Field(item.Reference ?? ""),
                        item.Occurrence?.ToString(CultureInfo.InvariantCulture) ?? "", item.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        item.Status.ToString(), Field(item.Text)).Append('\n');
        }
        return b.ToString();
    }

    public static string Html(StandingCommitteeReport report, Uri baseUri)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Implementation report</title>")
         .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}</style>")
         .Append("</head><body>");
        b.Append($"<h1>Implementation report of the standing committee</h1><p>As of {report.AsOf:yyyy-MM-dd}.</p>");
        b.Append("<h2>Totals</h2><ul>");
        foreach (var bucket in StandingCommitteeReport.Shown) b.Append($"<li>{BucketName(bucket)}: {report.Totals[bucket]}</li>");
        b.Append("</ul>");
        b.Append(ReportCharts.Bars("Decisions per meeting", report.ByMeeting().Select(x => (x.Meeting.StartsOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), x.Counts)).ToList(), BucketName));
        foreach (var group in report.Rows.GroupBy(r => r.MeetingId))
        {
            b.Append($"<h2>{E(report.MeetingTitle(group.Key))}</h2><table><thead><tr><th>Owner</th>");
            foreach (var bucket in StandingCommitteeReport.Shown) b.Append($"<th>{BucketName(bucket)}</th>");
            b.Append("</tr></thead><tbody>");
            foreach (var row in group)
            {
                b.Append($"<tr><th>{E(report.OwnerCode(row.OwnerId))}</th>");
                foreach (var bucket in StandingCommitteeReport.Shown)
                {
                    var items = row.Items.GetValueOrDefault(bucket) ?? [];
                    b.Append($"<td>{items.Count}");
                    if (items.Count > 0)
                    {
                        b.Append("<ul>");
                        foreach (var i in items) b.Append($"<li><a href=\"{new Uri(baseUri, $"/decisions/{i.Id}")}\">{E(i.Reference ?? i.Text)}</a></li>");
                        b.Append("</ul>");
                    }
                    b.Append("</td>");
                }
                b.Append("</tr>");
            }
            b.Append("</tbody></table>");
        }
        return b.Append("</body></html>").ToString();
    }

    public static string BucketName(Bucket b) => b switch
    {
        Bucket.InProgress => "in progress",
        _ => b.ToString().ToLowerInvariant(),
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.</summary>
    private static string Field(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }
}
