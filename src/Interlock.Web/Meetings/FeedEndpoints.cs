using Interlock.Data;
using Interlock.Meetings;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>
/// Subscribable feeds: iCalendar of all meetings and of one organization's meetings, Atom of public decisions and
/// documents. Open to anyone, filtered by the same access policy (a token sees what its user may see).
/// </summary>
public static class FeedEndpoints
{
    public const string AllMeetings = "/feeds/meetings.ics";
    public const string PublicAtom = "/feeds/public.atom";

    public static void MapMeetingFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds").AllowAnonymous().ExcludeFromDescription();
        feeds.MapGet("/meetings.ics", (InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct) =>
            CalendarAsync(db, access, http, null, ct));
        feeds.MapGet("/meetings/{code}.ics", (string code, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct) =>
            CalendarAsync(db, access, http, code, ct));
        feeds.MapGet("/public.atom", AtomAsync);
    }

    private static async Task<IResult> CalendarAsync(InterlockDbContext db, AccessService access, HttpContext http, string? code, CancellationToken ct)
    {
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var q = await MeetingQueries.ReadableMeetingsAsync(db, access, ct);
        var name = "Interlock: meetings of the UN–regional organizations partnership";
        if (code is not null)
        {
            if (MeetingQueries.ByCode(orgs, code) is not { } org) return ApiConventions.NotFound("Organization");
            q = q.Where(m => m.Participants.Any(p => p.OrganizationId == org.Id) || m.OwnerOrganizationId == org.Id);
            name = $"Interlock: meetings of {org.NameEn} ({org.Code})";
        }
        var meetings = await q.AsSplitQuery().Include(m => m.Participants).Include(m => m.Agenda).Include(m => m.Documents)
            .OrderBy(m => m.StartsOn).ToListAsync(ct);
        await access.AuditReadsAsync(meetings, ct);
        var docIds = meetings.SelectMany(m => m.Documents.Select(d => d.DocumentId)).Distinct().ToList();
        var docs = await (await access.ReadableAsync(db.Documents.AsNoTracking(), ct)).Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var entries = meetings.Select(m => new MeetingCalendar.Entry(m.Id, m.Title, m.Kind, m.StartsOn, m.EndsOn, m.DatePrecision, m.Venue, m.Chair,
            m.Theme, m.Outcome, m.Version, m.UpdatedAt,
            m.Participants.Select(p => orgs.GetValueOrDefault(p.OrganizationId)).Where(o => o is not null)
                .Zip(m.Participants).Select(x => new MeetingCalendar.Participant(x.First!.Code, x.First.NameEn, x.Second.Level, x.Second.Delegate))
                .OrderBy(p => p.Code, StringComparer.Ordinal).ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
            m.Documents.Where(d => docs.ContainsKey(d.DocumentId)).Select(d => docs[d.DocumentId])
                .Select(d => d.Symbol is null ? d.Title : $"{d.Symbol} {d.Title}").ToList(),
            new Uri(site, $"/meetings/{m.Id}")));
        return TypedResults.Text(MeetingCalendar.Write(name, entries), MeetingCalendar.ContentType);
    }

    private static async Task<IResult> AtomAsync(InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        // Dissemination is public: only public records, whoever asks.
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.Classification == Shared.Classification.Public && d.ParentId == null)
            .Join(db.Meetings.Where(m => m.Classification == Shared.Classification.Public), d => d.MeetingId, m => m.Id, (d, m) => new { d, m })
            .ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.Classification == Shared.Classification.Public)
            .ToListAsync(ct);
        var entries = decisions.Select(x => new PublicFeed.Entry(x.d.Id, "decision",
                $"{x.m.Title}{(x.d.Reference is null ? "" : $", {x.d.Reference}")}: {Shorten(x.d.Text, 160)}",
                $"{x.d.Text} (status: {DecisionWorkflow.Words(x.d.Status)})", x.d.CreatedAt, x.d.UpdatedAt, new Uri(site, $"/decisions/{x.d.Id}")))
            .Concat(documents.Select(d => new PublicFeed.Entry(d.Id, "document", d.Symbol is null ? d.Title : $"{d.Symbol}: {d.Title}", d.Summary,
                d.PublishedOn is { } p ? new DateTimeOffset(p.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : d.CreatedAt, d.UpdatedAt, new Uri(site, $"/documents/{d.Id}"))))
            // SQLite cannot order by DateTimeOffset: the newest come first here, in memory.
            .OrderByDescending(e => e.Updated).Take(1000);
        return TypedResults.Text(PublicFeed.Write("Interlock: public decisions and documents", new Uri(site, PublicAtom), new Uri(site, "/decisions"), entries), PublicFeed.ContentType);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
