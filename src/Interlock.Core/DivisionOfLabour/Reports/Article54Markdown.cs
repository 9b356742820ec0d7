using System.Text;
using Interlock.DivisionOfLabour.Rules;

namespace Interlock.DivisionOfLabour.Reports;

/// <summary>The Article 54 report as Markdown. Every value is escaped, so a title cannot turn into a link, a heading or HTML.</summary>
public static class Article54Markdown
{
    public static string Render(Article54Report report)
    {
        var sb = new StringBuilder();
        sb.Append("# Article 54 report: activities of regional arrangements, ").Append(Escape(report.Period.ToString())).Append("\n\n");
        sb.Append("Activities undertaken or in contemplation by regional arrangements under Chapter VIII of the Charter, ")
          .Append("and the cooperation in which they took part, for the information of the Security Council (Article 54).\n\n");
        if (report.IsEmpty) sb.Append("No activity of a regional arrangement is recorded for this period.\n");
        foreach (var org in report.Organizations)
        {
            sb.Append("## ").Append(Escape(org.Code)).Append(" — ").Append(Escape(org.Name)).Append("\n\n");
            foreach (var country in org.Countries)
            {
                sb.Append("### ").Append(country.CountryIso3 is { } iso3 ? Escape(iso3) : "No country (headquarters or regional)").Append("\n\n");
                foreach (var a in country.Activities)
                {
                    sb.Append("- ").Append(Escape(a.Sentence)).Append('\n');
                    if (a.Primacy is { } flag) sb.Append("  - **Flag**: ").Append(Escape(flag.Sentence)).Append('\n');
                }
                foreach (var c in country.Cooperation)
                    sb.Append("- Cooperation: ").Append(Escape(c.Sentence)).Append('\n');
                sb.Append('\n');
            }
        }
        var flags = report.Organizations.SelectMany(o => o.Countries).SelectMany(c => c.Activities).Count(a => a.Primacy is not null);
        sb.Append($"{flags} {(flags == 1 ? "activity is" : "activities are")} flagged {PrimacyRule.Phrase}.\n");
        return sb.ToString();
    }

    /// <summary>Backslash-escapes the characters Markdown (CommonMark) gives a meaning to, and &amp; so no entity is read.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value.ReplaceLineEndings(" "))
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '&' or '!' or '~') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
