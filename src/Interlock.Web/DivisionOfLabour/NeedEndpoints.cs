using Interlock.Capabilities;
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

public sealed record AgreedLeadDto(string Organization, DateOnly? On, string? Note, Guid? DecisionId);

public sealed record NeedDto(Guid Id, string Owner, Classification Classification, Guid SituationId, string AreaCode, NeedPriority Priority,
    int? NeededWithinDays, string CountryIso3, string? Admin1, DateOnly StartOn, DateOnly? EndOn, string? Notes, AgreedLeadDto? AgreedLead,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

/// <summary>A need of a situation; the country must be the situation's, the area one of the taxonomy (/api/v1/areas).</summary>
public sealed record NeedWrite(Guid? SituationId, string? AreaCode, NeedPriority? Priority, string? CountryIso3, DateOnly? StartOn,
    DateOnly? EndOn = null, string? Admin1 = null, int? NeededWithinDays = null, string? Notes = null, Classification? Classification = null);

/// <param name="LeadOrganization">Registry code of the organization that leads; it must be engaged on the need unless <paramref name="AllowNotEngaged"/>.</param>
/// <param name="MeetingId">The meeting where it was agreed: when you may record that meeting's decisions, a decision is recorded too.</param>
public sealed record AgreedLeadWrite(string? LeadOrganization, DateOnly? AgreedOn = null, string? Note = null, Guid? MeetingId = null,
    bool AllowNotEngaged = false);

/// <summary>Needs of situations over HTTP: list, read, create, update and delete (If-Match), and the agreed lead that settles an overlap.</summary>
public static class NeedEndpoints
{
    public static void MapNeedApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/needs").WithTags("Division of labour").AllowAnonymous();
        open.MapGet("/", List).WithName("ListNeeds").Produces<Page<NeedDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetNeed").Produces<NeedDto>();

        var api = app.MapGroup("/api/v1/needs").WithTags("Division of labour").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateNeed").Produces<NeedDto>(StatusCodes.Status201Created);
        api.MapPut("/{id:guid}", Update).WithName("UpdateNeed").Produces<NeedDto>();
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteNeed");
        api.MapPost("/{id:guid}/agreed-lead", RecordAgreedLead).WithName("RecordAgreedLead").Produces<NeedDto>();
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, Guid? situation, string? country, string? area,
        int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await access.ReadableAsync(db.Needs.AsNoTracking(), ct);
        if (situation is { } sid) q = q.Where(n => n.SituationId == sid);
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(n => n.CountryIso3 == c); }
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (await AreaCodesAsync(db, area, ct) is not { } codes) return ApiConventions.Validation("area", $"'{area}' is not an area of the taxonomy (see /api/v1/areas).");
            q = q.Where(n => codes.Contains(n.AreaCode));
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(n => n.CountryIso3).ThenBy(n => n.StartOn).ThenBy(n => n.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codesById = await CodesByIdAsync(db, ct);
        return TypedResults.Ok(new Page<NeedDto>(items.Select(n => ToDto(n, codesById)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var n = await db.Needs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !await access.CanReadAsync(n, ct)) return ApiConventions.NotFound("Need");
        await access.AuditReadsAsync([n], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(n);
        return TypedResults.Ok(ToDto(n, await CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Create(NeedWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        var classification = body.Classification ?? Classification.Partners;
        if (!access.CanCreate(Categories.Need, owner, classification)) return ApiConventions.Forbidden("Your role cannot record needs.");
        var now = db.Time.GetUtcNow();
        var need = new Need { OwnerOrganizationId = owner, AreaCode = "", CountryIso3 = "", CreatedAt = now, UpdatedAt = now };
        var errors = await ApplyAsync(need, body, classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(need);
        return TypedResults.Created($"/api/v1/needs/{need.Id}", ToDto(need, await CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Update(Guid id, NeedWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (need, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        var errors = await ApplyAsync(need!, body, body.Classification ?? need!.Classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        need!.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(need);
        return TypedResults.Ok(ToDto(need, await CodesByIdAsync(db, ct)));
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (need, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        db.Needs.Remove(need!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Records who leads on the need (If-Match); with a meeting whose decisions you keep, also a decision of that meeting.</summary>
    internal static async Task<IResult> RecordAgreedLead(Guid id, AgreedLeadWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (need, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        var fields = new AgreedLeadFields(await OrganizationIdAsync(db, body.LeadOrganization, ct), body.AgreedOn, body.Note, body.MeetingId, body.AllowNotEngaged);
        var result = await AgreedLead.RecordAsync(need!, fields, db, await ExchangeEndpoints.ActorAsync(access, ct), ct);
        if (!result.Errors.IsEmpty) return ApiConventions.Validation(result.Errors);
        need!.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(need);
        return TypedResults.Ok(ToDto(need, await CodesByIdAsync(db, ct)));
    }

    /// <summary>The need, tracked: 404 when unreadable, 403 when the caller may not change it, then If-Match (428/412).</summary>
    private static async Task<(Need?, IResult?)> WritableAsync(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var n = await db.Needs.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !await access.CanReadAsync(n, ct)) return (null, ApiConventions.NotFound("Need"));
        var decision = access.DecideWrite(RecordLabel.Of(n));
        if (!decision.Allowed) return (n, ApiConventions.Forbidden(decision.Reason));
        return (n, ApiConventions.CheckIfMatch(http, n));
    }

    /// <summary>The situation first (readable, same country), then the need's own rules: all errors in one answer.</summary>
    internal static async Task<ValidationErrors> ApplyAsync(Need need, NeedWrite body, Classification classification, InterlockDbContext db,
        AccessService access, CancellationToken ct)
    {
        var errors = await SituationLink.CheckNeedAsync(db, await ExchangeEndpoints.ActorAsync(access, ct), body.SituationId, body.CountryIso3, ct);
        if (!Enum.IsDefined(classification)) errors.Add("classification", "Unknown classification.");
        // With the situation wrong, still report every other field, but on a copy: nothing is applied.
        var target = errors.IsEmpty ? need : new Need { AreaCode = "", CountryIso3 = "" };
        errors.Merge(await NeedWrites.ApplyAsync(target, Fields(body), classification, db, ct));
        if (errors.IsEmpty) need.SituationId = body.SituationId!.Value;
        return errors;
    }

    private static NeedFields Fields(NeedWrite b) => new(b.AreaCode, b.Priority, b.CountryIso3, b.Admin1, b.StartOn, b.EndOn, b.NeededWithinDays, b.Notes);

    /// <summary>The area and everything below it; null when it is not an area of the taxonomy.</summary>
    internal static async Task<IReadOnlySet<string>?> AreaCodesAsync(InterlockDbContext db, string area, CancellationToken ct)
    {
        var codes = AreaTree.WithDescendants(await db.Areas.AsNoTracking().ToListAsync(ct), area.Trim());
        return codes.Count == 0 ? null : codes;
    }

    internal static Task<Dictionary<Guid, string>> CodesByIdAsync(InterlockDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);

    internal static async Task<Guid?> OrganizationIdAsync(InterlockDbContext db, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null
            : await db.Organizations.Where(o => o.Code == code.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);

    public static NeedDto ToDto(Need n, IReadOnlyDictionary<Guid, string> codes) => new(n.Id, codes.GetValueOrDefault(n.OwnerOrganizationId, "?"),
        n.Classification, n.SituationId, n.AreaCode, n.Priority, n.NeededWithinDays, n.CountryIso3, n.Admin1, n.StartOn, n.EndOn, n.Notes,
        n.AgreedLeadOrganizationId is { } lead ? new AgreedLeadDto(codes.GetValueOrDefault(lead, "?"), n.AgreedLeadOn, n.AgreedLeadNote, n.AgreedLeadDecisionId) : null,
        n.CreatedAt, n.UpdatedAt, n.Version);
}
