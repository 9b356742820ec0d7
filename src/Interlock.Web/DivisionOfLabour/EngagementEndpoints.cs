using Interlock.Data;
using Interlock.DivisionOfLabour;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.DivisionOfLabour;

public sealed record EngagementDto(Guid Id, string Owner, Classification Classification, string Organization, Guid? SituationId, string AreaCode,
    string? Activity, string CountryIso3, string? Admin1, DateOnly StartOn, DateOnly? EndOn, CooperationForm Form, EngagementRole Role,
    EngagementStatus Status, MandateKind MandateKind, string? MandateReference, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

/// <summary>"Who does what where". <paramref name="Organization"/> is the registry code of the organization that acts; the record is kept by yours.</summary>
public sealed record EngagementWrite(string? Organization, string? AreaCode, string? CountryIso3, DateOnly? StartOn, CooperationForm? Form,
    EngagementRole? Role, EngagementStatus? Status, DateOnly? EndOn = null, string? Admin1 = null, string? Activity = null, Guid? SituationId = null,
    MandateKind? MandateKind = null, string? MandateReference = null, Classification? Classification = null);

/// <summary>Engagements over HTTP: list with filters, read, create, update and delete (If-Match).</summary>
public static class EngagementEndpoints
{
    public static void MapEngagementApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/engagements").WithTags("Division of labour").AllowAnonymous();
        open.MapGet("/", List).WithName("ListEngagements").Produces<Page<EngagementDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetEngagement").Produces<EngagementDto>();

        var api = app.MapGroup("/api/v1/engagements").WithTags("Division of labour").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateEngagement").Produces<EngagementDto>(StatusCodes.Status201Created);
        api.MapPut("/{id:guid}", Update).WithName("UpdateEngagement").Produces<EngagementDto>();
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteEngagement");
    }

    /// <summary>Readable engagements; <paramref name="organization"/> is the acting organization's code, <paramref name="area"/> includes its sub-areas.</summary>
    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? organization, Guid? situation, string? country,
        string? area, string? form, string? status, int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = QueryEnum.Parse<CooperationForm>(form, "form", errors);
        var st = QueryEnum.Parse<EngagementStatus>(status, "status", errors);
        IReadOnlySet<string>? areas = null;
        if (!string.IsNullOrWhiteSpace(area) && (areas = await NeedEndpoints.AreaCodesAsync(db, area, ct)) is null)
            errors.Add("area", $"'{area}' is not an area of the taxonomy (see /api/v1/areas).");
        var orgId = await NeedEndpoints.OrganizationIdAsync(db, organization, ct);
        if (!string.IsNullOrWhiteSpace(organization) && orgId is null) errors.Add("organization", "No organization has this code.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await access.ReadableAsync(db.Engagements.AsNoTracking(), ct);
        if (orgId is { } o) q = q.Where(e => e.OrganizationId == o);
        if (situation is { } sid) q = q.Where(e => e.SituationId == sid);
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(e => e.CountryIso3 == c); }
        if (areas is not null) q = q.Where(e => areas.Contains(e.AreaCode));
        if (f is { } form1) q = q.Where(e => e.Form == form1);
        if (st is { } status1) q = q.Where(e => e.Status == status1);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(e => e.CountryIso3).ThenBy(e => e.StartOn).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await NeedEndpoints.CodesByIdAsync(db, ct);
        return TypedResults.Ok(new Page<EngagementDto>(items.Select(e => ToDto(e, codes)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var e = await db.Engagements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanReadAsync(e, ct)) return ApiConventions.NotFound("Engagement");
        await access.AuditReadsAsync([e], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(e);
        return TypedResults.Ok(ToDto(e, await NeedEndpoints.CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Create(EngagementWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        var classification = body.Classification ?? Classification.Partners;
        if (!access.CanCreate(Categories.Engagement, owner, classification)) return ApiConventions.Forbidden("Your role cannot record engagements.");
        var now = db.Time.GetUtcNow();
        var engagement = new Engagement { OwnerOrganizationId = owner, AreaCode = "", CountryIso3 = "", CreatedAt = now, UpdatedAt = now };
        var errors = await ApplyAsync(engagement, body, classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(engagement);
        return TypedResults.Created($"/api/v1/engagements/{engagement.Id}", ToDto(engagement, await NeedEndpoints.CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Update(Guid id, EngagementWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (engagement, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        var errors = await ApplyAsync(engagement!, body, body.Classification ?? engagement!.Classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        engagement!.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(engagement);
        return TypedResults.Ok(ToDto(engagement, await NeedEndpoints.CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (engagement, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        // A transition plan hands over from or to it: deleting it would leave the plan pointing at nothing.
        if (await db.TransitionPlans.AnyAsync(t => t.FromEngagementId == id || t.ToEngagementId == id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The engagement is part of a transition plan.",
                detail: "Change or remove the transition plan first.");
        db.Engagements.Remove(engagement!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The engagement, tracked: 404 when unreadable, 403 when the caller may not change it, then If-Match (428/412).</summary>
    private static async Task<(Engagement?, IResult?)> WritableAsync(Guid id, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var e = await db.Engagements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !await access.CanReadAsync(e, ct)) return (null, ApiConventions.NotFound("Engagement"));
        var decision = access.DecideWrite(RecordLabel.Of(e));
        if (!decision.Allowed) return (e, ApiConventions.Forbidden(decision.Reason));
        return (e, ApiConventions.CheckIfMatch(http, e));
    }

    internal static async Task<ValidationErrors> ApplyAsync(Engagement engagement, EngagementWrite body, Classification classification,
        InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(classification)) errors.Add("classification", "Unknown classification.");
        // A situation the writer cannot read is reported as unknown, like a missing one: no existence leak.
        if (body.SituationId is not null && await SituationLink.ReadableAsync(db, await ExchangeEndpoints.ActorAsync(access, ct), body.SituationId, ct) is null)
            errors.Add("situationId", SituationLink.Unavailable);
        var orgId = await NeedEndpoints.OrganizationIdAsync(db, body.Organization, ct);
        var fields = new EngagementFields(orgId, body.AreaCode, body.CountryIso3, body.StartOn, body.Form, body.Role, body.Status, body.EndOn,
            body.Admin1, body.Activity, errors.IsEmpty ? body.SituationId : null, body.MandateKind ?? MandateKind.None, body.MandateReference);
        var target = errors.IsEmpty ? engagement : new Engagement { AreaCode = "", CountryIso3 = "" };
        errors.Merge(await EngagementWrites.ApplyAsync(target, fields, classification, db, ct));
        return errors;
    }

    public static EngagementDto ToDto(Engagement e, IReadOnlyDictionary<Guid, string> codes) => new(e.Id, codes.GetValueOrDefault(e.OwnerOrganizationId, "?"),
        e.Classification, codes.GetValueOrDefault(e.OrganizationId, "?"), e.SituationId, e.AreaCode, e.Activity, e.CountryIso3, e.Admin1, e.StartOn,
        e.EndOn, e.Form, e.Role, e.Status, e.MandateKind, e.MandateReference, e.CreatedAt, e.UpdatedAt, e.Version);
}
