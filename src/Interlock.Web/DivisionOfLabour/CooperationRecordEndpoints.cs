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

public sealed record CooperationRecordDto(Guid Id, string Owner, Classification Classification, CooperationRecordType Type,
    CooperationSetting Setting, string Title, DateOnly StartOn, DateOnly? EndOn, IReadOnlyList<string> Participants, Guid? SituationId,
    string? CountryIso3, string? Outcome, IReadOnlyList<Guid> DocumentIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

/// <param name="Participants">Registry codes of at least two organizations that took part.</param>
/// <param name="DocumentIds">Documents of the knowledge module that record it.</param>
public sealed record CooperationRecordWrite(CooperationRecordType? Type, CooperationSetting? Setting, string? Title, DateOnly? StartOn,
    string[]? Participants, DateOnly? EndOn = null, Guid? SituationId = null, string? CountryIso3 = null, string? Outcome = null,
    Guid[]? DocumentIds = null, Classification? Classification = null);

/// <summary>The cooperation record over HTTP: list with filters, read, create, update and delete (If-Match).</summary>
public static class CooperationRecordEndpoints
{
    public static void MapCooperationRecordApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/cooperation-records").WithTags("Division of labour").AllowAnonymous();
        open.MapGet("/", List).WithName("ListCooperationRecords").Produces<Page<CooperationRecordDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetCooperationRecord").Produces<CooperationRecordDto>();

        var api = app.MapGroup("/api/v1/cooperation-records").WithTags("Division of labour").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateCooperationRecord").Produces<CooperationRecordDto>(StatusCodes.Status201Created);
        api.MapPut("/{id:guid}", Update).WithName("UpdateCooperationRecord").Produces<CooperationRecordDto>();
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteCooperationRecord");
    }

    /// <summary>Readable records; <paramref name="organization"/> is a participant's code; from/to keep records whose dates overlap them.</summary>
    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, Guid? situation, string? country, string? organization,
        DateOnly? from, DateOnly? to, int? offset, int? limit, CancellationToken ct)
    {
        var orgId = await NeedEndpoints.OrganizationIdAsync(db, organization, ct);
        if (!string.IsNullOrWhiteSpace(organization) && orgId is null) return ApiConventions.Validation("organization", "No organization has this code.");
        if (from is not null && to is not null && to < from) return ApiConventions.Validation("to", "Cannot be before 'from'.");
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await access.ReadableAsync(db.CooperationRecords.AsNoTracking(), ct);
        if (situation is { } sid) q = q.Where(r => r.SituationId == sid);
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(r => r.CountryIso3 == c); }
        if (orgId is { } o) q = q.Where(r => r.ParticipantOrganizationIds.Contains(o));
        if (from is { } f) q = q.Where(r => (r.EndOn ?? r.StartOn) >= f);
        if (to is { } t) q = q.Where(r => r.StartOn <= t);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(r => r.StartOn).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        return TypedResults.Ok(new Page<CooperationRecordDto>(await ToDtosAsync(db, access, items, ct), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var r = await db.CooperationRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await access.CanReadAsync(r, ct)) return ApiConventions.NotFound("Cooperation record");
        await access.AuditReadsAsync([r], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(r);
        return TypedResults.Ok((await ToDtosAsync(db, access, [r], ct))[0]);
    }

    internal static async Task<IResult> Create(CooperationRecordWrite body, InterlockDbContext db, AccessService access, DivisionService division,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await division.CreateCooperationAsync(body, ct);
        if (outcome.Value is not { } record) return outcome.Failure("Cooperation record");
        http.Response.Headers.ETag = ApiConventions.ETagOf(record);
        return TypedResults.Created($"/api/v1/cooperation-records/{record.Id}", (await ToDtosAsync(db, access, [record], ct))[0]);
    }

    internal static async Task<IResult> Update(Guid id, CooperationRecordWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (record, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        var errors = await ApplyAsync(record!, body, body.Classification ?? record!.Classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        record!.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(record);
        return TypedResults.Ok((await ToDtosAsync(db, access, [record], ct))[0]);
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (record, failure) = await WritableAsync(id, db, access, http, ct);
        if (failure is not null) return failure;
        db.CooperationRecords.Remove(record!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The record, tracked: 404 when unreadable, 403 when the caller may not change it, then If-Match (428/412).</summary>
    private static async Task<(CooperationRecord?, IResult?)> WritableAsync(Guid id, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var r = await db.CooperationRecords.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await access.CanReadAsync(r, ct)) return (null, ApiConventions.NotFound("Cooperation record"));
        var decision = access.DecideWrite(RecordLabel.Of(r));
        if (!decision.Allowed) return (r, ApiConventions.Forbidden(decision.Reason));
        return (r, ApiConventions.CheckIfMatch(http, r));
    }

    /// <summary>Codes become ids here (an unknown code is named in the answer); the rules are CooperationRecordWrites'.</summary>
    internal static async Task<ValidationErrors> ApplyAsync(CooperationRecord record, CooperationRecordWrite body, Classification classification,
        InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(classification)) errors.Add("classification", "Unknown classification.");
        var codes = (body.Participants ?? []).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var byCode = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        foreach (var unknown in codes.Where(c => !byCode.ContainsKey(c))) errors.Add("participants", $"'{unknown}' is not an organization of the registry.");
        var fields = new CooperationRecordFields(body.Type, body.Setting, body.Title, body.StartOn, byCode.Values.ToList(), body.EndOn, body.SituationId,
            body.CountryIso3, body.Outcome, body.DocumentIds);
        var target = errors.IsEmpty ? record : new CooperationRecord { Title = "" };
        var actor = await ExchangeEndpoints.ActorAsync(access, ct);
        errors.Merge(await CooperationRecordWrites.ApplyAsync(target, fields, classification, db, actor, ct));
        return errors;
    }

    /// <summary>DTOs; a cited document is listed only when the caller may read it.</summary>
    private static async Task<List<CooperationRecordDto>> ToDtosAsync(InterlockDbContext db, AccessService access, IReadOnlyList<CooperationRecord> items,
        CancellationToken ct)
    {
        var codes = await NeedEndpoints.CodesByIdAsync(db, ct);
        var docIds = items.SelectMany(r => r.DocumentIds).Distinct().ToList();
        var readable = docIds.Count == 0 ? [] : (await (await access.ReadableAsync(db.Documents.AsNoTracking(), ct)).Where(d => docIds.Contains(d.Id))
            .Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        return items.Select(r => new CooperationRecordDto(r.Id, codes.GetValueOrDefault(r.OwnerOrganizationId, "?"), r.Classification, r.Type, r.Setting,
            r.Title, r.StartOn, r.EndOn, r.ParticipantOrganizationIds.Select(p => codes.GetValueOrDefault(p, "?")).Order(StringComparer.Ordinal).ToList(),
            r.SituationId, r.CountryIso3, r.Outcome, r.DocumentIds.Where(readable.Contains).ToList(), r.CreatedAt, r.UpdatedAt, r.Version)).ToList();
    }
}
