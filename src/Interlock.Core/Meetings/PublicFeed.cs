using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Interlock.Meetings;

/// <summary>
/// An Atom (RFC 4287) feed of public decisions and documents, for "wide dissemination at Headquarters and in the
/// field of the agreements reached" [2001 II.C]. Written with System.ServiceModel.Syndication.
/// </summary>
public static class PublicFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>One entry: a decision or a document. <see cref="Kind"/> becomes the Atom category ("decision", "document").</summary>
    public sealed record Entry(Guid Id, string Kind, string Title, string? Summary, DateTimeOffset Published, DateTimeOffset Updated, Uri Link);

    /// <param name="site">The page a reader opens for the whole feed (the alternate link); <paramref name="self"/> is the feed itself.</param>
    public static string Write(string title, Uri self, Uri site, IEnumerable<Entry> entries)
    {
        var items = entries.Select(ToItem).ToList();
        var feed = new SyndicationFeed(title, "Public decisions and documents of the UN–regional organizations partnership", site, self.ToString(),
            items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.LastUpdatedTime), items);
        feed.Authors.Add(new SyndicationPerson { Name = "Interlock" });
        feed.Links.Add(new SyndicationLink(self, "self", title, "application/atom+xml", 0));
        feed.Generator = "Interlock";

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        // StringBuilder is UTF-16; the HTTP response is UTF-8, and the declaration must say so.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    private static SyndicationItem ToItem(Entry e)
    {
        var item = new SyndicationItem(e.Title, e.Summary ?? e.Title, e.Link, $"urn:uuid:{e.Id:D}", e.Updated);
        item.Categories.Add(new SyndicationCategory(e.Kind));
        item.Summary = new TextSyndicationContent(e.Summary ?? e.Title);
        item.PublishDate = e.Published;
        return item;
    }
}
