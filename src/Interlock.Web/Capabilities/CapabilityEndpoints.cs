using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Capabilities;

/// <summary>
/// The shared area taxonomy (public) and the capability database: each capability is owned by its organization,
/// readable as its classification and the sharing agreements allow, and changed only by that organization's writers.
/// </summary>
public static class CapabilityEndpoints
{
    public static void MapCapabilityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/areas").WithTags("Capabilities").AllowAnonymous().MapGet("/", ListAreas).WithName("ListAreas").Produces<Page<AreaDto>>();

        var open = app.MapGroup("/api/v1/capabilities").WithTags("Capabilities").AllowAnonymous();
        open.MapGet("/", List).WithName("ListCapabilities").Produces<Page<CapabilityDto>>();
        open.MapGet("/search", Search).WithName("SearchCapabilities").Produces<Page<CapabilityMatchDto>>();
        open.MapGet("/{id:guid}", Get).WithName("GetCapability");

        var api = app.MapGroup("/api/v1/capabilities").WithTags("Capabilities").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateCapability");
        api.MapPut("/{id:guid}", Update).WithName("UpdateCapability");
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteCapability");
    }

    internal static async Task<IResult> ListAreas(InterlockDbContext db, string? group, int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var g = QueryEnum.Parse<AreaGroup>(group, "group", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit ?? Paging.MaxLimit);
        var all = await db.Areas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code).ToListAsync(ct);
        var selected = all.Where(a => g is null || a.Group == g).ToList();
        var items = selected.Skip(skip).Take(take)
            .Select(a => new AreaDto(a.Code, a.ParentCode, a.Group, a.NameEn, a.NameFr, a.Source,
                all.Where(c => c.ParentCode == a.Code).Select(c => c.Code).ToList()))
            .ToList();
        return TypedResults.Ok(new Page<AreaDto>(items, selected.Count, skip, take));
    }

    /// <summary>Readable capabilities; <paramref name="area"/> includes its sub-areas, <paramref name="country"/> keeps those whose scope covers it.</summary>
    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? organization, string? area, string? country,
        int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = await access.ReadableAsync(db.Capabilities.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var code = organization.Trim();
            var orgId = await db.Organizations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            query = query.Where(c => c.OwnerOrganizationId == orgId);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var codes = AreaTree.WithDescendants(await db.Areas.AsNoTracking().ToListAsync(ct), area.Trim());
            if (codes.Count == 0) return ApiConventions.Validation("area", $"'{area}' is not an area of the taxonomy (see /api/v1/areas).");
            query = query.Where(c => codes.Contains(c.AreaCode));
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            var iso3 = country.Trim().ToUpperInvariant();
            var c = await db.Countries.AsNoTracking().FirstOrDefaultAsync(x => x.Iso3 == iso3, ct);
            if (c is null) return ApiConventions.Validation("country", $"'{country}' is not an ISO 3166 alpha-3 code of a known state.");
            query = CapabilitySearch.Covering(query, c);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.AreaCode).ThenBy(c => c.ReadinessDays).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var dtos = await ToDtosAsync(db, access, items, ct);
        return TypedResults.Ok(new Page<CapabilityDto>(dtos, total, skip, take));
    }

    /// <summary>The capability query, ranked by readiness, each match with its reasons.</summary>
    internal static async Task<IResult> Search(InterlockDbContext db, AccessService access, string? area, string? country, string? region,
        int? withinDays, int? offset, int? limit, CancellationToken ct)
    {
        var result = await CapabilitySearch.RunAsync(db, access, new CapabilityQuery(area, country, region, withinDays), ct);
        if (!result.IsValid) return ApiConventions.Validation(result.Errors);
        var (skip, take) = Paging.Normalize(offset, limit);
        var items = result.Matches.Skip(skip).Take(take).Select(m =>
        {
            var c = m.Capability;
            var org = result.Organizations[c.OwnerOrganizationId];
            var a = result.Areas[c.AreaCode];
            return new CapabilityMatchDto(m.Rank, c.Id, org.Code, org.NameEn, org.NameFr, c.AreaCode, a.NameEn, a.NameFr, c.Description,
                c.ReadinessDays, m.Stale, c.Illustrative, c.LastVerified, m.Reasons);
        }).ToList();
        return TypedResults.Ok(new Page<CapabilityMatchDto>(items, result.Matches.Count, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var c = await db.Capabilities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await access.CanReadAsync(c, ct)) return ApiConventions.NotFound("Capability");
        await access.AuditReadsAsync([c], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(c);
        return TypedResults.Ok((await ToDtosAsync(db, access, [c], ct))[0]);
    }

    internal static async Task<IResult> Create(CapabilityWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        var classification = body.Classification ?? Classification.Partners;
        if (!access.CanCreate(Categories.Capability, owner, classification))
            return ApiConventions.Forbidden("Your role cannot record capabilities.");
        var capability = new Capability { OwnerOrganizationId = owner, AreaCode = "", Description = "" };
        var errors = await ApplyAsync(capability, body, classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        db.Capabilities.Add(capability);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(capability);
        return TypedResults.Created($"/api/v1/capabilities/{capability.Id}", (await ToDtosAsync(db, access, [capability], ct))[0]);
    }

    internal static async Task<IResult> Update(Guid id, CapabilityWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (capability, failure) = await WritableAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, capability!) is { } failed) return failed;
        var errors = await ApplyAsync(capability!, body, body.Classification ?? capability!.Classification, db, access, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(capability!);
        return TypedResults.Ok((await ToDtosAsync(db, access, [capability!], ct))[0]);
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (capability, failure) = await WritableAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, capability!) is { } failed) return failed;
        db.Capabilities.Remove(capability!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The capability, tracked, when the caller may read it (else 404) and change it (else 403).</summary>
    private static async Task<(Capability?, IResult?)> WritableAsync(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var c = await db.Capabilities.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !await access.CanReadAsync(c, ct)) return (null, ApiConventions.NotFound("Capability"));
        var decision = access.DecideWrite(RecordLabel.Of(c));
        return decision.Allowed ? (c, null) : (c, ApiConventions.Forbidden(decision.Reason));
    }

    /// <summary>Validates every field and, only when all are valid, applies them (the rules are shared with the pages and the CSV import).</summary>
    private static Task<ValidationErrors> ApplyAsync(Capability target, CapabilityWrite body, Classification classification,
        InterlockDbContext db, AccessService access, CancellationToken ct) =>
        CapabilityWrites.ApplyAsync(target, body.ToFields(), classification, db, access.Today, ct);

    /// <summary>DTOs; the contact is named only when the caller may read that person.</summary>
    private static async Task<List<CapabilityDto>> ToDtosAsync(InterlockDbContext db, AccessService access, IReadOnlyList<Capability> items,
        CancellationToken ct)
    {
        var orgIds = items.Select(c => c.OwnerOrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var areaCodes = items.Select(c => c.AreaCode).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        var contactIds = items.Select(c => c.ContactPersonId).OfType<Guid>().Distinct().ToList();
        HashSet<Guid> readableContacts = contactIds.Count == 0
            ? []
            : (await (await access.ReadableAsync(db.People.AsNoTracking(), ct)).Where(p => contactIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var today = access.Today;
        return items.Select(c =>
        {
            var org = orgs.GetValueOrDefault(c.OwnerOrganizationId);
            var area = areas.GetValueOrDefault(c.AreaCode);
            return new CapabilityDto(c.Id, org?.Code ?? "?", org?.NameEn ?? "?", org?.NameFr ?? "?", c.Classification, c.AreaCode,
                area?.NameEn ?? c.AreaCode, area?.NameFr ?? c.AreaCode, c.Description, c.Global, c.ScopeCountries, c.ScopeRegions, c.Personnel,
                c.Budget, c.Assets, c.ReadinessDays, c.MandateBasis,
                c.ContactPersonId is { } p && readableContacts.Contains(p) ? p : null, c.LastVerified, c.IsStale(today), c.Illustrative, c.Version);
        }).ToList();
    }
}
