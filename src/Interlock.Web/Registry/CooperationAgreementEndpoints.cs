using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

public sealed record CooperationAgreementDto(Guid Id, string Organization, string OrganizationName, Classification Classification,
    CooperationAgreementType Type, string Title, DateOnly? Signed, DateOnly? InForceFrom, DateOnly? InForceTo, string? Scope,
    string? DocumentReference, bool InForceToday, long Version);

/// <summary>
/// A cooperation agreement between the UN and <see cref="Organization"/> (its code), which owns the record.
/// On update the organization may be left out or repeated, not changed.
/// </summary>
public sealed record CooperationAgreementWrite(string? Organization, CooperationAgreementType? Type, string? Title,
    Classification? Classification = null, DateOnly? Signed = null, DateOnly? InForceFrom = null, DateOnly? InForceTo = null,
    string? Scope = null, string? DocumentReference = null);

/// <summary>
/// Cooperation agreements between the United Nations and partner organizations [2005 §6]. Each is owned by the partner
/// organization; its Administrator-or-OrgAdmin write rule lets the secretariat record them for any partner.
/// Reads are open and filtered by the access policy (most agreements are public).
/// </summary>
public static class CooperationAgreementEndpoints
{
    public static void MapCooperationAgreementApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/cooperation-agreements").WithTags("Cooperation agreements").AllowAnonymous();
        open.MapGet("/", List).WithName("ListCooperationAgreements").Produces<Page<CooperationAgreementDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetCooperationAgreement");

        var api = app.MapGroup("/api/v1/cooperation-agreements").WithTags("Cooperation agreements").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateCooperationAgreement");
        api.MapPut("/{id:guid}", Update).WithName("UpdateCooperationAgreement");
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteCooperationAgreement");
    }

    /// <summary>The readable agreements, optionally of one organization and type, newest first.</summary>
    public static async Task<Page<CooperationAgreementDto>> PageAsync(InterlockDbContext db, AccessService access, string? organization,
        CooperationAgreementType? type, bool? inForce, int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = await access.ReadableAsync(db.CooperationAgreements.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var code = organization.Trim();
            var orgId = await db.Organizations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            query = query.Where(a => a.OwnerOrganizationId == orgId);
        }
        if (type is { } t) query = query.Where(a => a.Type == t);
        var today = access.Today;
        if (inForce is { } f)
            query = f ? query.Where(a => a.InForceFrom != null && a.InForceFrom <= today && (a.InForceTo == null || a.InForceTo >= today))
                      : query.Where(a => !(a.InForceFrom != null && a.InForceFrom <= today && (a.InForceTo == null || a.InForceTo >= today)));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Signed ?? a.InForceFrom).ThenBy(a => a.Title).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var names = await NamesAsync(db, items, ct);
        return new Page<CooperationAgreementDto>(items.Select(a => ToDto(a, names, today)).ToList(), total, skip, take);
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? organization, string? type, bool? inForce,
        int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var t = QueryEnum.Parse<CooperationAgreementType>(type, "type", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        return TypedResults.Ok(await PageAsync(db, access, organization, t, inForce, offset, limit, ct));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var a = await db.CooperationAgreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !await access.CanReadAsync(a, ct)) return ApiConventions.NotFound("Cooperation agreement");
        await access.AuditReadsAsync([a], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(a);
        return TypedResults.Ok(ToDto(a, await NamesAsync(db, [a], ct), access.Today));
    }

    internal static async Task<IResult> Create(CooperationAgreementWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var code = body.Organization?.Trim();
        var org = string.IsNullOrEmpty(code) ? null : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null)
            return ApiConventions.Validation("organization", $"'{body.Organization}' is not the code of an organization in the registry.");
        var classification = body.Classification ?? Classification.Public;
        if (!access.CanCreate(Categories.CooperationAgreement, org.Id, classification))
            return ApiConventions.Forbidden("Only the secretariat's Administrator or the organization's OrgAdmin records its cooperation agreements.");
        var errors = Validate(body, org);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var agreement = new CooperationAgreement { OwnerOrganizationId = org.Id, Title = "" };
        Apply(agreement, body, classification);
        db.CooperationAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(agreement);
        return TypedResults.Created($"/api/v1/cooperation-agreements/{agreement.Id}", ToDto(agreement, await NamesAsync(db, [agreement], ct), access.Today));
    }

    internal static async Task<IResult> Update(Guid id, CooperationAgreementWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (agreement, failure) = await WritableAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, agreement!) is { } failed) return failed;
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == agreement!.OwnerOrganizationId, ct);
        var errors = Validate(body, org);
        if (!string.IsNullOrWhiteSpace(body.Organization) && body.Organization.Trim() != org.Code)
            errors.Add("organization", "An agreement stays with its organization; record a new one for another organization.");
        var classification = body.Classification ?? agreement!.Classification;
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        Apply(agreement!, body, classification);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(agreement!);
        return TypedResults.Ok(ToDto(agreement!, await NamesAsync(db, [agreement!], ct), access.Today));
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (agreement, failure) = await WritableAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, agreement!) is { } failed) return failed;
        db.CooperationAgreements.Remove(agreement!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<(CooperationAgreement?, IResult?)> WritableAsync(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var agreement = await db.CooperationAgreements.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || !await access.CanReadAsync(agreement, ct)) return (null, ApiConventions.NotFound("Cooperation agreement"));
        var decision = access.DecideWrite(RecordLabel.Of(agreement));
        return decision.Allowed ? (agreement, null) : (agreement, ApiConventions.Forbidden(decision.Reason));
    }

    private static ValidationErrors Validate(CooperationAgreementWrite body, Organization org) =>
        CooperationAgreementRules.Validate(body.Title, body.Signed, body.InForceFrom, body.InForceTo, body.Type, org);

    private static void Apply(CooperationAgreement a, CooperationAgreementWrite body, Classification classification)
    {
        a.Classification = classification;
        a.Type = body.Type!.Value;
        a.Title = body.Title!.Trim();
        a.Signed = body.Signed;
        a.InForceFrom = body.InForceFrom;
        a.InForceTo = body.InForceTo;
        a.Scope = string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim();
        a.DocumentReference = string.IsNullOrWhiteSpace(body.DocumentReference) ? null : body.DocumentReference.Trim();
    }

    private static async Task<Dictionary<Guid, (string Code, string Name)>> NamesAsync(InterlockDbContext db, IEnumerable<CooperationAgreement> items,
        CancellationToken ct)
    {
        var ids = items.Select(a => a.OwnerOrganizationId).Distinct().ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.NameEn), ct);
    }

    private static CooperationAgreementDto ToDto(CooperationAgreement a, IReadOnlyDictionary<Guid, (string Code, string Name)> names, DateOnly today)
    {
        var (code, name) = names.TryGetValue(a.OwnerOrganizationId, out var n) ? n : ("?", "?");
        return new(a.Id, code, name, a.Classification, a.Type, a.Title, a.Signed, a.InForceFrom, a.InForceTo, a.Scope, a.DocumentReference,
            a.InForceOn(today), a.Version);
    }
}
