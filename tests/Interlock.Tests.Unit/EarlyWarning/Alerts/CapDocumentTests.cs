using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Alerts;

/// <summary>Each kind of alert written as CAP validates against the CAP 1.2 schema shipped in docs/schemas.</summary>
public class CapDocumentTests
{
    public static XmlSchemaSet Schema()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Interlock.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "docs", "schemas", "CAP-v1.2.xsd");
        var set = new XmlSchemaSet();
        set.Add(CapDocument.Namespace, path);
        set.Compile();
        return set;
    }

    private static XDocument Write(Alert a, Alert? supersedes = null)
    {
        var doc = new XDocument();
        using (var w = doc.CreateWriter())
            CapDocument.Write(w, a, new CapDocument.Context("interlock@un.org", "https://interlock.example.org/", "Mali", "ECOWAS", supersedes));
        return doc;
    }

    private static void Validate(XDocument doc)
    {
        var errors = new List<string>();
        doc.Validate(Schema(), (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + doc);
    }

    private static Alert Rise(RiskLevel level) => new()
    {
        CountryIso3 = "MLI", Month = new(2025, 3, 1), Trigger = AlertTrigger.RiskRise, TriggerKey = "risk:" + level, Level = level,
        PreviousLevel = RiskLevel.Watch, Title = "Mali: risk rose", Summary = "The risk level of Mali rose.", Reasons = ["340 deaths & more, < 1 >"],
        Classification = Classification.Public, CreatedAt = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero),
    };

    private static XNamespace Cap => CapDocument.Namespace;

    [Fact]
    public void A_public_risk_rise_is_a_valid_public_CAP_alert()
    {
        var doc = Write(Rise(RiskLevel.Warning));
        Validate(doc);
        var root = doc.Root!;
        Assert.Equal("2025-03-10T09:30:00+00:00", root.Element(Cap + "sent")!.Value);
        Assert.Equal(("Actual", "Alert", "Public"), (root.Element(Cap + "status")!.Value, root.Element(Cap + "msgType")!.Value, root.Element(Cap + "scope")!.Value));
        var info = root.Element(Cap + "info")!;
        Assert.Equal(("Security", "Future", "Moderate", "Possible"), (info.Element(Cap + "category")!.Value, info.Element(Cap + "urgency")!.Value,
            info.Element(Cap + "severity")!.Value, info.Element(Cap + "certainty")!.Value));
        Assert.Equal("MLI", info.Element(Cap + "area")!.Element(Cap + "geocode")!.Element(Cap + "value")!.Value);
        Assert.StartsWith("https://interlock.example.org/alerts/", info.Element(Cap + "web")!.Value);
    }

    [Fact]
    public void A_rise_to_Alert_after_a_Warning_is_an_Update_referencing_it()
    {
        var earlier = Rise(RiskLevel.Warning);
        var doc = Write(Rise(RiskLevel.Alert), earlier);
        Validate(doc);
        Assert.Equal("Update", doc.Root!.Element(Cap + "msgType")!.Value);
        Assert.Equal($"interlock@un.org,{CapDocument.Identifier(earlier)},2025-03-10T09:30:00+00:00", doc.Root.Element(Cap + "references")!.Value);
        Assert.Equal("Severe", doc.Root.Element(Cap + "info")!.Element(Cap + "severity")!.Value);
    }

    [Fact]
    public void A_confidential_observations_alert_is_Restricted_with_a_restriction()
    {
        var a = Rise(RiskLevel.Alert);
        a.Trigger = AlertTrigger.ReportedIndicator;
        a.IndicatorCode = "displacement";
        a.Value = 120000.5;
        a.Classification = Classification.Confidential;
        var doc = Write(a);
        Validate(doc);
        Assert.Equal("Restricted", doc.Root!.Element(Cap + "scope")!.Value);
        Assert.Contains("Confidential information of ECOWAS", doc.Root.Element(Cap + "restriction")!.Value);
        Assert.Equal("Observed", doc.Root.Element(Cap + "info")!.Element(Cap + "certainty")!.Value);
    }

    [Fact]
    public void The_schema_rejects_a_time_in_Z_form_and_an_unknown_urgency()
    {
        var doc = Write(Rise(RiskLevel.Warning));
        doc.Root!.Element(Cap + "sent")!.Value = "2025-03-10T09:30:00Z";
        doc.Root.Element(Cap + "info")!.Element(Cap + "urgency")!.Value = "Soon";
        var errors = new List<string>();
        doc.Validate(Schema(), (_, e) => errors.Add(e.Message));
        Assert.Equal(2, errors.Count);
    }
}
