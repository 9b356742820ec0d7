using System.Text;
using System.Xml;
using Interlock.Data;
using Interlock.EarlyWarning.Alerts;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Alerts;

/// <summary>
/// The alerts as Common Alerting Protocol 1.2: an Atom index (the convention of CAP feeds) whose entries each link to
/// and embed one CAP &lt;alert&gt;, and each alert alone as application/cap+xml. Anonymous callers get public alerts;
/// a token or a session adds the alerts that caller may read.
/// </summary>
public static class CapFeedEndpoints
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const int FeedSize = 200;

    public static void Map(RouteGroupBuilder open)
    {
        open.MapGet("/alerts.cap", Feed).WithName("AlertsCapFeed").Produces(200, contentType: "application/atom+xml");
        open.MapGet("/alerts/{id:guid}.cap", One).WithName("AlertCap").Produces(200, contentType: CapDocument.MediaType);
    }

    internal static async Task<IResult> Feed(InterlockDbContext db, AccessService access, AlertSettings settings, HttpContext http,
        TimeProvider time, CancellationToken ct)
    {
        var alerts = await (await access.ReadableAsync(db.Alerts.AsNoTracking(), ct)).OrderByDescending(a => a.Id).Take(FeedSize).ToListAsync(ct);
        await access.AuditReadsAsync(alerts, ct);
        var site = SiteUrl(settings, http);
        var contexts = await ContextsAsync(db, alerts, settings, site, ct);

        var xml = Write(w =>
        {
            w.WriteStartElement("feed", AtomNamespace);
            w.WriteElementString("id", AtomNamespace, site + "/api/v1/alerts.cap");
            w.WriteElementString("title", AtomNamespace, "Interlock early-warning alerts (CAP 1.2)");
            w.WriteElementString("updated", AtomNamespace, Rfc3339(alerts.Count > 0 ? alerts.Max(a => a.CreatedAt) : time.GetUtcNow()));
            w.WriteStartElement("author", AtomNamespace);
            w.WriteElementString("name", AtomNamespace, "Interlock");
            w.WriteEndElement();
            Link(w, "self", "application/atom+xml", site + "/api/v1/alerts.cap");
            foreach (var a in alerts)
            {
                w.WriteStartElement("entry", AtomNamespace);
                w.WriteElementString("id", AtomNamespace, $"urn:uuid:{a.Id:D}");
                w.WriteElementString("title", AtomNamespace, a.Title);
                w.WriteElementString("updated", AtomNamespace, Rfc3339(a.CreatedAt));
                w.WriteElementString("summary", AtomNamespace, a.Summary);
                Link(w, "alternate", CapDocument.MediaType, $"{site}/api/v1/alerts/{a.Id:D}.cap");
                Link(w, "related", "text/html", site + a.Link);
                w.WriteStartElement("content", AtomNamespace);
                w.WriteAttributeString("type", CapDocument.MediaType);
                CapDocument.Write(w, a, contexts[a.Id]);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
        return Results.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    internal static async Task<IResult> One(Guid id, InterlockDbContext db, AccessService access, AlertSettings settings, HttpContext http,
        CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null || !await access.CanReadAsync(alert, ct)) return ApiConventions.NotFound("Alert");
        await access.AuditReadsAsync([alert], ct);
        var contexts = await ContextsAsync(db, [alert], settings, SiteUrl(settings, http), ct);
        return Results.Text(Write(w => CapDocument.Write(w, alert, contexts[alert.Id])), CapDocument.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Dictionary<Guid, CapDocument.Context>> ContextsAsync(InterlockDbContext db, List<Alert> alerts, AlertSettings settings,
        string site, CancellationToken ct)
    {
        var (countries, owners) = await AlertEndpoints.NamesAsync(db, alerts, ct);
        var earlierIds = alerts.Where(a => a.SupersedesId is not null).Select(a => a.SupersedesId!.Value).Distinct().ToList();
        // The superseded alert of a public rise is public too; only its identifier and time are referenced.
        var earlier = await db.Alerts.AsNoTracking().Where(a => earlierIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return alerts.ToDictionary(a => a.Id, a => new CapDocument.Context(settings.CapSender, site,
            countries.GetValueOrDefault(a.CountryIso3, a.CountryIso3), owners.GetValueOrDefault(a.OwnerOrganizationId, ""),
            a.SupersedesId is { } s ? earlier.GetValueOrDefault(s) : null));
    }

    private static string SiteUrl(AlertSettings settings, HttpContext http) =>
        settings.PublicUrl ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", AtomNamespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriter(sb), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
            body(w);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + sb;
    }
}
