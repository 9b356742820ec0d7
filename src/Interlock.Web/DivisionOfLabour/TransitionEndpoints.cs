using Interlock.Data;
using Interlock.DivisionOfLabour;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.DivisionOfLabour;

public sealed record ChecklistItemDto(Guid Id, TransitionTopic Topic, string? Description, string Owner, DateOnly DueOn, ChecklistStatus Status,
    DateOnly? CompletedOn, bool Overdue);

public sealed record TransitionDto(Guid Id, string Owner, Classification Classification, Guid SituationId, string Title, Guid FromEngagementId,
    Guid ToEngagementId, DateOnly TargetDate, string? Notes, IReadOnlyList<ChecklistItemDto> Items, int OverdueItems, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, long Version);

/// <summary>
/// A hand-over between a UN engagement and a regional (or other non-UN) one in the situation's country. The seven
/// checklist items are created with the plan, each with a responsible organization and a due date.
/// </summary>
public sealed record TransitionWrite(Guid? SituationId, string? Title, Guid? FromEngagementId, Guid? ToEngagementId, DateOnly? TargetDate,
    string? Notes = null, Classification? Classification = null);

/// <param name="Owner">Registry code of the organization responsible for the item.</param>
public sealed record ChecklistItemWrite(ChecklistStatus? Status, string? Owner, DateOnly? DueOn, string? Description = null);

/// <summary>Transition plans over HTTP: list by situation, read, create, and update one checklist item (If-Match on the plan).</summary>
public static class TransitionEndpoints
{
    public static void MapTransitionApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/transitions").WithTags("Division of labour").AllowAnonymous();
        open.MapGet("/", List).WithName("ListTransitions").Produces<Page<TransitionDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetTransition").Produces<TransitionDto>();

        var api = app.MapGroup("/api/v1/transitions").WithTags("Division of labour").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateTransition").Produces<TransitionDto>(StatusCodes.Status201Created);
        api.MapPut("/{id:guid}/items/{itemId:guid}", UpdateItem).WithName("UpdateTransitionItem").Produces<TransitionDto>();
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, Guid? situation, int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await access.ReadableAsync(db.TransitionPlans.AsNoTracking(), ct);
        if (situation is { } sid) q = q.Where(t => t.SituationId == sid);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(t => t.TargetDate).ThenBy(t => t.Id).Skip(skip).Take(take).Include(t => t.Items).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await NeedEndpoints.CodesByIdAsync(db, ct);
        return TypedResults.Ok(new Page<TransitionDto>(items.Select(t => ToDto(t, codes, access.Today)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var t = await db.TransitionPlans.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null || !await access.CanReadAsync(t, ct)) return ApiConventions.NotFound("Transition plan");
        await access.AuditReadsAsync([t], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(t);
        return TypedResults.Ok(ToDto(t, await NeedEndpoints.CodesByIdAsync(db, ct), access.Today));
    }

    internal static async Task<IResult> Create(TransitionWrite body, InterlockDbContext db, AccessService access, DivisionService division,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await division.CreateTransitionAsync(body, ct);
        if (outcome.Value is not { } plan) return outcome.Failure("Transition plan");
        http.Response.Headers.ETag = ApiConventions.ETagOf(plan);
        return TypedResults.Created($"/api/v1/transitions/{plan.Id}", ToDto(plan, await NeedEndpoints.CodesByIdAsync(db, ct), access.Today));
    }

    /// <summary>Changes one item's status, responsible organization, due date or description; the plan's version changes with it.</summary>
    internal static async Task<IResult> UpdateItem(Guid id, Guid itemId, ChecklistItemWrite body, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        var plan = await db.TransitionPlans.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (plan is null || !await access.CanReadAsync(plan, ct)) return ApiConventions.NotFound("Transition plan");
        var decision = access.DecideWrite(RecordLabel.Of(plan));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        if (ApiConventions.CheckIfMatch(http, plan) is { } failed) return failed;
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return ApiConventions.NotFound("Checklist item");
        var owner = await NeedEndpoints.OrganizationIdAsync(db, body.Owner, ct);
        var errors = await TransitionWrites.ApplyItemAsync(item, new ChecklistItemFields(body.Status, owner, body.DueOn, body.Description), db,
            access.Today, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        // Touching the plan makes the change one new version of it, which If-Match guards.
        plan.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(plan);
        return TypedResults.Ok(ToDto(plan, await NeedEndpoints.CodesByIdAsync(db, ct), access.Today));
    }

    public static TransitionDto ToDto(TransitionPlan t, IReadOnlyDictionary<Guid, string> codes, DateOnly today)
    {
        var items = t.Items.OrderBy(i => i.Topic).Select(i => new ChecklistItemDto(i.Id, i.Topic, i.Description,
            codes.GetValueOrDefault(i.OwnerOrganizationId, "?"), i.DueOn, i.Status, i.CompletedOn, i.IsOverdue(today))).ToList();
        return new TransitionDto(t.Id, codes.GetValueOrDefault(t.OwnerOrganizationId, "?"), t.Classification, t.SituationId, t.Title,
            t.FromEngagementId, t.ToEngagementId, t.TargetDate, t.Notes, items, items.Count(i => i.Overdue), t.CreatedAt, t.UpdatedAt, t.Version);
    }
}
