using Interlock.Data;
using Interlock.Meetings;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>Meetings of the partnership under /api/v1/meetings; anonymous callers see the public ones (the history).</summary>
public static class MeetingEndpoints
{
    public static void MapMeetingApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/meetings").WithTags("Meetings").AllowAnonymous();
        open.MapGet("/", List).WithName("ListMeetings");
        open.MapGet("/alignment", Alignment).WithName("MeetingAlignment");
        open.MapGet("/{id:guid}", Get).WithName("GetMeeting");

        var api = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateMeeting");
        api.MapPut("/{id:guid}", Update).WithName("UpdateMeeting");
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, MeetingKind? kind, string? organization, DateOnly? from,
        DateOnly? to, int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var q = await MeetingQueries.ReadableMeetingsAsync(db, access, ct);
        if (kind is { } k) q = q.Where(m => m.Kind == k);
        if (!string.IsNullOrWhiteSpace(organization))
        {
            if (MeetingQueries.ByCode(orgs, organization) is not { } org) return ApiConventions.Validation("organization", "No organization has this code.");
            q = q.Where(m => m.Participants.Any(p => p.OrganizationId == org.Id) || m.OwnerOrganizationId == org.Id);
        }
        if (from is { } f) q = q.Where(m => m.EndsOn >= f);
        if (to is { } t) q = q.Where(m => m.StartsOn <= t);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(m => m.StartsOn).Skip(skip).Take(take)
            .Select(m => new { Meeting = m, Listed = m.Participants.Count }).ToListAsync(ct);
        await access.AuditReadsAsync(rows.Select(r => r.Meeting), ct);
        return TypedResults.Ok(new Page<MeetingSummaryDto>(rows.Select(r => Summary(r.Meeting, r.Listed, orgs)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var m = await MeetingQueries.ReadableMeetingAsync(db, access, id, ct);
        if (m is null) return ApiConventions.NotFound("Meeting");
        await access.AuditReadsAsync([m], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(m);
        return TypedResults.Ok(await DetailAsync(db, access, m, ct));
    }

    internal static async Task<IResult> Alignment(InterlockDbContext db, AccessService access, int? windowDays, IConfiguration config, CancellationToken ct)
    {
        var days = windowDays ?? config.GetValue("Meetings:AlignmentWindowDays", 30);
        if (days is < 0 or > 366) return ApiConventions.Validation("windowDays", "Between 0 and 366 days.");
        var result = await AlignmentOf(db, access, days, ct);
        return TypedResults.Ok(ToDto(result));
    }

    internal static async Task<AlignmentCheck.Result> AlignmentOf(InterlockDbContext db, AccessService access, int days, CancellationToken ct)
    {
        var q = await MeetingQueries.ReadableMeetingsAsync(db, access, ct);
        var slots = await q.Where(m => m.Kind == MeetingKind.HighLevel || m.Kind == MeetingKind.SecurityCouncilDebate)
            .Select(m => new AlignmentCheck.Slot(m.Id, m.Title, m.Kind, m.StartsOn, m.EndsOn, m.DatePrecision)).ToListAsync(ct);
        return AlignmentCheck.Run(slots, days, access.Today);
    }

    internal static async Task<IResult> Create(MeetingWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        if (!access.CanCreate(Categories.Meeting, owner, body.Classification)) return ApiConventions.Forbidden("Your role cannot record meetings.");
        var now = db.Time.GetUtcNow();
        var m = new Meeting { OwnerOrganizationId = owner, Title = "", CreatedAt = now };
        if (await ApplyAsync(m, body, db, access, ct) is { } invalid) return invalid;
        db.Meetings.Add(m);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(m);
        return TypedResults.Created($"/api/v1/meetings/{m.Id}", await DetailAsync(db, access, m, ct));
    }

    internal static async Task<IResult> Update(Guid id, MeetingWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var m = await db.Meetings.Include(x => x.Participants).Include(x => x.Agenda).Include(x => x.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || !await access.CanReadAsync(m, ct)) return ApiConventions.NotFound("Meeting");
        var decision = access.DecideWrite(RecordLabel.Of(m));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        if (ApiConventions.CheckIfMatch(http, m) is { } failed) return failed;
        if (await ApplyAsync(m, body, db, access, ct) is { } invalid) return invalid;
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(m);
        return TypedResults.Ok(await DetailAsync(db, access, m, ct));
    }

    /// <summary>Validates the body and copies it onto the meeting; a 400 naming the fields when it is not valid (nothing changed).</summary>
    private static async Task<IResult?> ApplyAsync(Meeting m, MeetingWrite body, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var errors = Meeting.Validate(body.Title, body.StartsOn, body.EndsOn, access.Today);
        if (!Enum.IsDefined(body.Kind)) errors.Add("kind", "Unknown kind of meeting.");
        if (!Enum.IsDefined(body.Classification)) errors.Add("classification", "Unknown classification.");
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var participants = new List<(Guid Org, ParticipantWrite P)>();
        foreach (var (p, i) in (body.Participants ?? []).Select((p, i) => (p, i)))
        {
            if (MeetingQueries.ByCode(orgs, p.Organization) is not { } org) errors.Add($"participants[{i}].organization", "No organization has this code.");
            else if (participants.Any(x => x.Org == org.Id)) errors.Add($"participants[{i}].organization", "Listed twice.");
            else participants.Add((org.Id, p));
        }
        foreach (var (a, i) in (body.Agenda ?? []).Select((a, i) => (a, i)))
            errors.Require(!string.IsNullOrWhiteSpace(a) && a.Length <= 1000, $"agenda[{i}]", "An agenda item has 1 to 1000 characters.");
        foreach (var (docId, i) in (body.Documents ?? []).Select((d, i) => (d, i)))
        {
            var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == docId, ct);
            if (doc is null || !await access.CanReadAsync(doc, ct)) errors.Add($"documents[{i}]", "No document with this id is available to you.");
        }
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        m.Kind = body.Kind; m.Title = body.Title.Trim(); m.StartsOn = body.StartsOn!.Value; m.EndsOn = body.EndsOn ?? body.StartsOn.Value;
        m.DatePrecision = MeetingDatePrecision.Day; m.Classification = body.Classification;
        m.Venue = Blank(body.Venue); m.Chair = Blank(body.Chair); m.Theme = Blank(body.Theme); m.Outcome = Blank(body.Outcome);
        m.UpdatedAt = db.Time.GetUtcNow();
        m.Participants.RemoveAll(x => participants.All(p => p.Org != x.OrganizationId));
        foreach (var (org, p) in participants)
        {
            var existing = m.Participants.FirstOrDefault(x => x.OrganizationId == org);
            if (existing is null) m.Participants.Add(existing = new MeetingParticipant { MeetingId = m.Id, OrganizationId = org });
            existing.Level = p.Level; existing.Delegate = Blank(p.Delegate);
        }
        m.Agenda.Clear();
        foreach (var (a, i) in (body.Agenda ?? []).Select((a, i) => (a, i)))
            m.Agenda.Add(new AgendaItem { MeetingId = m.Id, Position = i + 1, Text = a.Trim() });
        var docs = (body.Documents ?? []).Distinct().ToList();
        m.Documents.RemoveAll(d => !docs.Contains(d.DocumentId));
        foreach (var docId in docs.Where(d => m.Documents.All(x => x.DocumentId != d)))
            m.Documents.Add(new MeetingDocument { MeetingId = m.Id, DocumentId = docId, Role = MeetingDocumentRole.Record });
        return null;
    }

    internal static async Task<MeetingDto> DetailAsync(InterlockDbContext db, AccessService access, Meeting m, CancellationToken ct)
    {
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var docIds = m.Documents.Select(d => d.DocumentId).ToList();
        var docs = await (await access.ReadableAsync(db.Documents.AsNoTracking(), ct)).Where(d => docIds.Contains(d.Id)).ToListAsync(ct);
        var decisions = await MeetingQueries.Ordered(await MeetingQueries.ReadableDecisionsAsync(db, access, new DecisionFilter(MeetingId: m.Id), ct), db)
            .Include(d => d.Owners).Where(d => d.ParentId == null).ToListAsync(ct);
        var roles = m.Documents.ToDictionary(d => d.DocumentId, d => d.Role);
        return new MeetingDto(m.Id, m.Key, m.Kind, m.Title, m.StartsOn, m.EndsOn, m.DatePrecision, m.Venue, m.Chair, m.Theme, m.Outcome,
            m.ReportedParticipantCount, m.ReportedHeadsCount, m.Source,
            m.Participants.Select(p => new ParticipantDto(MeetingQueries.Code(orgs, p.OrganizationId), orgs.GetValueOrDefault(p.OrganizationId)?.NameEn ?? "?",
                p.Level, p.Delegate, p.Group, p.Note, p.Source)).OrderBy(p => p.Organization, StringComparer.Ordinal).ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemDto(a.Position, a.Text, a.Source)).ToList(),
            docs.Select(d => new MeetingDocumentDto(d.Id, d.Title, d.Symbol, d.PublishedOn, roles[d.Id])).ToList(),
            decisions.Select(d => MeetingQueries.Summary(d, orgs, access.Today)).ToList(),
            MeetingQueries.Code(orgs, m.OwnerOrganizationId), m.Classification, m.UpdatedAt, m.Version);
    }

    private static MeetingSummaryDto Summary(Meeting m, int listed, IReadOnlyDictionary<Guid, Interlock.Registry.Organization> orgs) => new(m.Id, m.Key, m.Kind,
        m.Title, m.StartsOn, m.EndsOn, m.DatePrecision, m.Venue, m.Chair, m.Theme, listed, m.ReportedParticipantCount,
        MeetingQueries.Code(orgs, m.OwnerOrganizationId), m.Classification, m.Version);

    internal static AlignmentDto ToDto(AlignmentCheck.Result r)
    {
        static AlignmentJudgementDto J(AlignmentCheck.Judgement j) => new(j.Meeting.Id, j.Meeting.Title, j.Meeting.StartsOn,
            j.NearestCouncilMeeting?.Id, j.NearestCouncilMeeting?.Title, j.DaysApart, j.Aligned);
        return new AlignmentDto(r.WindowDays, r.NextFlagged, r.Next is null ? null : J(r.Next), r.Meetings.Select(J).ToList(),
            r.Gaps.Select(g => new AlignmentGapDto(g.From, g.To, g.Days)).ToList());
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
