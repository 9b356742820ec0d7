using System.Net;
using System.Text;
using Interlock.DivisionOfLabour.Rules;

namespace Interlock.DivisionOfLabour.Reports;

/// <summary>The Article 54 report as a standalone HTML document; every value is HTML-encoded.</summary>
public static class Article54Html
{
    public static string Render(Article54Report report)
    {
        var title = $"Article 54 report: activities of regional arrangements, {report.Period}";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title></head>\n<body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n");
        sb.Append("<p>Activities undertaken or in contemplation by regional arrangements under Chapter VIII of the Charter, ")
          .Append("and the cooperation in which they took part, for the information of the Security Council (Article 54).</p>\n");
        if (report.IsEmpty) sb.Append("<p>No activity of a regional arrangement is recorded for this period.</p>\n");
        foreach (var org in report.Organizations)
        {
            sb.Append("<section data-organization=\"").Append(E(org.Code)).Append("\">\n<h2>").Append(E(org.Code)).Append(" — ").Append(E(org.Name)).Append("</h2>\n");
            foreach (var country in org.Countries)
            {
                sb.Append("<h3>").Append(country.CountryIso3 is { } iso3 ? E(iso3) : "No country (headquarters or regional)").Append("</h3>\n<ul>\n");
                foreach (var a in country.Activities)
                {
                    sb.Append("<li class=\"activity ").Append(a.Standing == ActivityStanding.Undertaken ? "undertaken" : "in-contemplation").Append("\">")
                      .Append(E(a.Sentence));
                    if (a.Primacy is { } flag) sb.Append("<p class=\"primacy\"><strong>Flag</strong>: ").Append(E(flag.Sentence)).Append("</p>");
                    sb.Append("</li>\n");
                }
                foreach (var c in country.Cooperation)
                    sb.Append("<li class=\"cooperation\">Cooperation: ").Append(E(c.Sentence)).Append("</li>\n");
                sb.Append("</ul>\n");
            }
            sb.Append("</section>\n");
        }
        var flags = report.Organizations.SelectMany(o => o.Countries).SelectMany(c => c.Activities).Count(a => a.Primacy is not null);
        sb.Append("<p>").Append(E($"{flags} {(flags == 1 ? "activity is" : "activities are")} flagged {PrimacyRule.Phrase}.")).Append("</p>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
