using System.Net;
using System.Xml.Linq;
using System.Xml.Schema;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>
/// The CAP 1.2 feed as a client reads it: every embedded &lt;alert&gt; and every linked CAP document validates against
/// the CAP 1.2 schema shipped in docs/schemas; anonymous callers get public alerts, a partner's token adds its own.
/// </summary>
public abstract class CapFeedTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : CapFeedTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : CapFeedTests(f), IClassFixture<PostgresFixture>;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom", Cap = CapDocument.Namespace;

    private static XmlSchemaSet Schema()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Interlock.slnx"))) dir = dir.Parent;
        var set = new XmlSchemaSet();
        set.Add(CapDocument.Namespace, Path.Combine(dir!.FullName, "docs", "schemas", "CAP-v1.2.xsd"));
        set.Compile();
        return set;
    }

    private static void AssertValid(XElement capAlert)
    {
        var errors = new List<string>();
        new XDocument(new XElement(capAlert)).Validate(Schema(), (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + capAlert);
    }

    private static async Task<XDocument> GetXmlAsync(HttpClient client, string uri, string mediaType)
    {
        var response = await client.GetAsync(uri);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_validates_against_CAP_1_2_and_shows_each_caller_what_it_may_read()
    {
        App.Clock.SetToday(new DateOnly(2025, 8, 5));
        await App.RiskAsync("BFA", ("2025-07", RiskLevel.Watch), ("2025-08", RiskLevel.Warning));
        await App.ReportedAlertValueAsync("CIV", "2025-08", "ECOWAS", Classification.Confidential);
        await App.EvaluateAlertsAsync();
        var rise = await App.AlertAsync("BFA", "2025-08", AlertTrigger.RiskRise);
        var restricted = await App.AlertAsync("CIV", "2025-08", AlertTrigger.ReportedIndicator);

        using var anonymous = App.Client();
        var feed = await GetXmlAsync(anonymous, "/api/v1/alerts.cap", "application/atom+xml");
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries) AssertValid(entry.Element(Atom + "content")!.Element(Cap + "alert")!);
        var ids = entries.Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!.Element(Cap + "identifier")!.Value).ToList();
        Assert.Contains(CapDocument.Identifier(rise), ids);
        Assert.DoesNotContain(CapDocument.Identifier(restricted), ids);

        // The entry links its CAP document, which is valid on its own.
        var entry0 = entries.Single(e => e.Element(Atom + "content")!.Element(Cap + "alert")!.Element(Cap + "identifier")!.Value == CapDocument.Identifier(rise));
        var href = entry0.Elements(Atom + "link").Single(l => (string?)l.Attribute("type") == CapDocument.MediaType).Attribute("href")!.Value;
        var one = await GetXmlAsync(anonymous, new Uri(href).PathAndQuery, CapDocument.MediaType);
        AssertValid(one.Root!);
        Assert.Equal("Public", one.Root!.Element(Cap + "scope")!.Value);
        Assert.Equal("BFA", one.Root.Element(Cap + "info")!.Element(Cap + "area")!.Element(Cap + "geocode")!.Element(Cap + "value")!.Value);

        // With a token, the owner's partner feed adds its restricted alert, marked Restricted.
        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Reader, TokenScope.Read, name: "ecowas-feed");
        var partnerFeed = await GetXmlAsync(ecowas, "/api/v1/alerts.cap", "application/atom+xml");
        var capAlerts = partnerFeed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!).ToList();
        foreach (var a in capAlerts) AssertValid(a);
        var mine = capAlerts.Single(a => a.Element(Cap + "identifier")!.Value == CapDocument.Identifier(restricted));
        Assert.Equal("Restricted", mine.Element(Cap + "scope")!.Value);
        Assert.NotNull(mine.Element(Cap + "restriction"));

        var (_, au) = await App.ApiUserAsync("AU", Role.Reader, TokenScope.Read, name: "au-feed");
        var auFeed = await GetXmlAsync(au, "/api/v1/alerts.cap", "application/atom+xml");
        Assert.DoesNotContain(auFeed.Descendants(Cap + "identifier"), i => i.Value == CapDocument.Identifier(restricted));
    }
}
