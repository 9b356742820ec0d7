using System.Globalization;
using System.Xml;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// An alert as an OASIS Common Alerting Protocol 1.2 &lt;alert&gt; (elements in the schema's order). Public alerts
/// have scope Public; partner alerts Restricted with a &lt;restriction&gt; saying how they may be passed on. A risk
/// alert that raises an earlier one of the same month is an Update referencing it. The level maps to urgency,
/// severity and certainty as documented in docs/early-warning.md.
/// </summary>
public static class CapDocument
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    public const string MediaType = "application/cap+xml";

    /// <param name="siteUrl">The site's address, e.g. https://interlock.example.org, for the &lt;web&gt; link.</param>
    /// <param name="supersedes">The earlier alert an Update refers to.</param>
    public sealed record Context(string Sender, string SiteUrl, string CountryName, string OwnerCode, Alert? Supersedes);

    public static string Identifier(Alert a) => $"interlock-alert-{a.Id:D}";

    /// <summary>CAP's dateTime: an explicit offset, never "Z".</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static (string Urgency, string Severity, string Certainty) Grade(Alert a) => (a.Trigger, a.Level) switch
    {
        (AlertTrigger.ReportedIndicator, _) => ("Future", "Severe", "Observed"),
        (_, RiskLevel.Alert) => ("Future", "Severe", "Likely"),
        _ => ("Future", "Moderate", "Possible"),
    };

    public static string Event(Alert a) => a.Trigger == AlertTrigger.RiskRise
        ? $"Conflict risk rose to {a.Level}"
        : "Reported early-warning indicator at Alert level";

    public static void Write(XmlWriter w, Alert a, Context c)
    {
        w.WriteStartElement("alert", Namespace);
        w.WriteElementString("identifier", Namespace, Identifier(a));
        w.WriteElementString("sender", Namespace, c.Sender);
        w.WriteElementString("sent", Namespace, Time(a.CreatedAt));
        w.WriteElementString("status", Namespace, "Actual");
        w.WriteElementString("msgType", Namespace, c.Supersedes is null ? "Alert" : "Update");
        w.WriteElementString("source", Namespace, "Interlock early-warning exchange");
        if (a.Classification == Classification.Public)
            w.WriteElementString("scope", Namespace, "Public");
        else
        {
            w.WriteElementString("scope", Namespace, "Restricted");
            w.WriteElementString("restriction", Namespace,
                $"{a.Classification} information of {c.OwnerCode}, shared under the Interlock access policy with the organizations it allows; do not pass on beyond them.");
        }
        if (c.Supersedes is { } earlier)
            w.WriteElementString("references", Namespace, $"{c.Sender},{Identifier(earlier)},{Time(earlier.CreatedAt)}");

        w.WriteStartElement("info", Namespace);
        w.WriteElementString("language", Namespace, "en");
        w.WriteElementString("category", Namespace, "Security");
        w.WriteElementString("event", Namespace, Event(a));
        w.WriteElementString("responseType", Namespace, "Monitor");
        var (urgency, severity, certainty) = Grade(a);
        w.WriteElementString("urgency", Namespace, urgency);
        w.WriteElementString("severity", Namespace, severity);
        w.WriteElementString("certainty", Namespace, certainty);
        w.WriteElementString("senderName", Namespace, "Interlock, UN and regional organizations partnership");
        w.WriteElementString("headline", Namespace, a.Title);
        w.WriteElementString("description", Namespace, a.Summary + "\n" + string.Join("\n", a.Reasons.Select(r => "- " + r)));
        w.WriteElementString("web", Namespace, c.SiteUrl.TrimEnd('/') + a.Link);
        Parameter(w, "riskLevel", a.Level.ToString());
        Parameter(w, "month", AlertTriggers.MonthText(a.Month));
        if (a.IndicatorCode is not null) Parameter(w, "indicator", a.IndicatorCode);
        if (a.Value is { } v) Parameter(w, "value", v.ToString(CultureInfo.InvariantCulture));
        w.WriteStartElement("area", Namespace);
        w.WriteElementString("areaDesc", Namespace, c.CountryName);
        w.WriteStartElement("geocode", Namespace);
        w.WriteElementString("valueName", Namespace, "ISO 3166-1 alpha-3");
        w.WriteElementString("value", Namespace, a.CountryIso3);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("parameter", Namespace);
        w.WriteElementString("valueName", Namespace, name);
        w.WriteElementString("value", Namespace, value);
        w.WriteEndElement();
    }
}
