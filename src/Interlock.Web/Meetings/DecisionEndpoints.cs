using Interlock.Data;
using Interlock.Meetings;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>Decisions and action items under /api/v1/decisions: the tracker's filters, status changes with evidence, and history.</summary>
public static class DecisionEndpoints
{
    public static void MapDecisionApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/decisions").WithTags("Meetings").AllowAnonymous();
        open.MapGet("/", List).WithName("ListDecisions");
        open.MapGet("/{id:guid}", Get).WithName("GetDecision");

        var api = app.MapGroup("/api/v1/decisions").WithTags("Meetings").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateDecision");
        api.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeDecisionStatus");
        api.MapPost("/{id:guid}/evidence", AddEvidence).WithName("AddDecisionEvidence");
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, Guid? meeting, string? owner, DecisionStatus? status,
        bool? overdue, int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(owner))
        {
            if (MeetingQueries.ByCode(orgs, owner) is not { } org) return ApiConventions.Validation("owner", "No organization has this code.");
            ownerId = org.Id;
        }
        var q = await MeetingQueries.ReadableDecisionsAsync(db, access, new DecisionFilter(meeting, ownerId, status, overdue), ct);
        var total = await q.CountAsync(ct);
        var items = await MeetingQueries.Ordered(q, db).Include(d => d.Owners).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        return TypedResults.Ok(new Page<DecisionSummaryDto>(items.Select(d => MeetingQueries.Summary(d, orgs, access.Today)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var d = await MeetingQueries.ReadableDecisionAsync(db, access, id, ct: ct);
        if (d is null) return ApiConventions.NotFound("Decision");
        await access.AuditReadsAsync([d], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(d);
        return TypedResults.Ok(await DetailAsync(db, access, d, ct));
    }

    internal static async Task<IResult> Create(DecisionWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        if (!access.CanCreate(Categories.Decision, owner, body.Classification)) return ApiConventions.Forbidden("Your role cannot record decisions.");
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var errors = Decision.Validate(body.Text, body.DueOn, body.RecurrenceMonths, body.Owners?.Count ?? 0);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == body.MeetingId, ct);
        if (meeting is null || !await access.CanReadAsync(meeting, ct)) errors.Add("meetingId", "No meeting with this id is available to you.");
        var owners = new HashSet<Guid>();
        foreach (var (code, i) in (body.Owners ?? []).Select((c, i) => (c, i)))
        {
            if (MeetingQueries.ByCode(orgs, code) is { } org) owners.Add(org.Id);
            else errors.Add($"owners[{i}]", "No organization has this code.");
        }
        if (!Enum.IsDefined(body.Classification)) errors.Add("classification", "Unknown classification.");
        if (body.Status is not (DecisionStatus.Proposed or DecisionStatus.Agreed)) errors.Add("status", "A new decision is proposed or agreed.");
        errors.Require(body.Reference is null || body.Reference.Length <= 200, "reference", "At most 200 characters.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var now = db.Time.GetUtcNow();
        var d = new Decision
        {
            OwnerOrganizationId = owner, Classification = body.Classification, MeetingId = body.MeetingId, Text = body.Text.Trim(),
            Reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim(), DueOn = body.DueOn, Status = body.Status,
            RecurrenceMonths = body.RecurrenceMonths, CreatedAt = now, UpdatedAt = now,
        };
        d.Owners = owners.Select(o => new DecisionOwner { DecisionId = d.Id, OrganizationId = o }).ToList();
        d.History.Add(new DecisionStatusChange
        {
            DecisionId = d.Id, From = body.Status, To = body.Status, At = now, UserId = access.Subject.UserId, UserName = access.Subject.UserName, Note = "Recorded",
        });
        db.Decisions.Add(d);
        await db.SaveChangesAsync(ct);
        // A recurring commitment gets its occurrences at once, not at the next background run.
        if (d.IsRecurring) await MeetingsMaintenance.AddOccurrencesAsync(db, access.Today, ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(d);
        return TypedResults.Created($"/api/v1/decisions/{d.Id}", await DetailAsync(db, access, d, ct));
    }

    internal static async Task<IResult> ChangeStatus(Guid id, StatusWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct) =>
        await AnswerAsync(await IfMatchAsync(db, access, id, http, ct) is { } early ? early
            : Answer(await DecisionActions.ChangeStatusAsync(db, access, id, null, body, ct)), db, access, http, ct);

    internal static async Task<IResult> AddEvidence(Guid id, EvidenceWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct) =>
        await AnswerAsync(await IfMatchAsync(db, access, id, http, ct) is { } early ? early
            : Answer(await DecisionActions.AddEvidenceAsync(db, access, id, null, body, ct)), db, access, http, ct);

    /// <summary>404 for what the caller may not see, 403 for what they may not change, then If-Match: in that order, so nothing leaks.</summary>
    private static async Task<IResult?> IfMatchAsync(InterlockDbContext db, AccessService access, Guid id, HttpContext http, CancellationToken ct)
    {
        var d = await MeetingQueries.ReadableDecisionAsync(db, access, id, ct: ct);
        if (d is null) return ApiConventions.NotFound("Decision");
        var decision = access.DecideWrite(RecordLabel.Of(d));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        return ApiConventions.CheckIfMatch(http, d);
    }

    private static object Answer(ActionResult<Decision> r) => r switch
    {
        ActionResult<Decision>.Done done => done.Value,
        ActionResult<Decision>.NotFound => ApiConventions.NotFound("Decision"),
        ActionResult<Decision>.Forbidden f => ApiConventions.Forbidden(f.Reason),
        ActionResult<Decision>.Stale => ApiConventions.PreconditionFailed(),
        ActionResult<Decision>.Invalid i => ApiConventions.Validation(i.Errors),
        _ => throw new InvalidOperationException(),
    };

    private static async Task<IResult> AnswerAsync(object outcome, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        if (outcome is IResult result) return result;
        var d = (Decision)outcome;
        var fresh = await MeetingQueries.ReadableDecisionAsync(db, access, d.Id, ct: ct) ?? d;
        http.Response.Headers.ETag = ApiConventions.ETagOf(fresh);
        return TypedResults.Ok(await DetailAsync(db, access, fresh, ct));
    }

    internal static async Task<DecisionDto> DetailAsync(InterlockDbContext db, AccessService access, Decision d, CancellationToken ct)
    {
        var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
        var meetingTitle = await db.Meetings.Where(m => m.Id == d.MeetingId).Select(m => m.Title).FirstAsync(ct);
        var docIds = d.Evidence.Where(e => e.DocumentId != null).Select(e => e.DocumentId!.Value).ToList();
        var docs = await (await access.ReadableAsync(db.Documents.AsNoTracking(), ct)).Where(x => docIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var today = access.Today;
        return new DecisionDto(d.Id, d.MeetingId, meetingTitle, d.Reference, d.Text,
            d.Owners.Select(o => MeetingQueries.Code(orgs, o.OrganizationId)).Order(StringComparer.Ordinal).ToList(), d.DueOn, d.Status,
            !d.IsRecurring && DecisionWorkflow.IsOverdue(d, today), d.IsRecurring ? [] : DecisionWorkflow.AllowedFrom(d.Status), d.RecurrenceMonths,
            d.ParentId, d.Occurrence, d.SupersededById, d.SourceDocumentId, d.Source,
            d.Evidence.OrderBy(e => e.AddedAt).Select(e => new EvidenceDto(e.Id, e.DocumentId,
                e.DocumentId is { } x && docs.TryGetValue(x, out var doc) ? doc.Title : null,
                e.DocumentId is { } y && docs.TryGetValue(y, out var doc2) ? doc2.Symbol : null, e.Url, e.Note, e.AddedAt, e.AddedBy)).ToList(),
            d.History.OrderBy(h => h.At).Select(h => new StatusChangeDto(h.From, h.To, h.At, h.UserName, h.Note)).ToList(),
            MeetingQueries.Code(orgs, d.OwnerOrganizationId), d.Classification, d.UpdatedAt, d.Version);
    }
}
