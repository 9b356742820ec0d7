using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

public static class RegistryEndpoints
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var publicApi = app.MapGroup("/api/v1").WithTags("Registry").AllowAnonymous();
        publicApi.MapGet("/organizations", ListOrganizations).WithName("ListOrganizations").Produces<Page<OrganizationDto>>();
        publicApi.MapGet("/organizations/{code}", GetOrganization).WithName("GetOrganization");
        publicApi.MapGet("/countries", ListCountries).WithName("ListCountries").Produces<Page<CountryDto>>();
        publicApi.MapGet("/countries/{iso3}", GetCountry).WithName("GetCountry");

        var api = app.MapGroup("/api/v1").WithTags("Registry").RequireAuthorization();
        api.MapPost("/organizations", CreateOrganization).WithName("CreateOrganization");
        api.MapPut("/organizations/{code}", UpdateOrganization).WithName("UpdateOrganization");

        var agreements = app.MapGroup("/api/v1/sharing-agreements").WithTags("Information sharing").RequireAuthorization();
        agreements.MapGet("/", ListAgreements).WithName("ListSharingAgreements");
        agreements.MapGet("/{id:guid}", GetAgreement).WithName("GetSharingAgreement");
        agreements.MapPost("/", CreateAgreement).WithName("CreateSharingAgreement");
        agreements.MapPost("/{id:guid}/confirm", ConfirmAgreement).WithName("ConfirmSharingAgreement");
        agreements.MapPost("/{id:guid}/end", EndAgreement).WithName("EndSharingAgreement");
    }

    internal static async Task<IResult> ListOrganizations(InterlockDbContext db, TimeProvider time,
        string? q, string? kind, bool? chapterViii, string? member, string? region, int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var k = QueryEnum.Parse<OrganizationKind>(kind, "kind", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var query = OrganizationQueries.Filter(db, q, k, chapterViii, member, region, today);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(o => o.Code).Skip(skip).Take(take).ToListAsync(ct);
        var dtos = await OrganizationQueries.ToDtosAsync(db, page, today, ct);
        return TypedResults.Ok(new Page<OrganizationDto>(dtos, total, skip, take));
    }

    internal static async Task<IResult> GetOrganization(string code, InterlockDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return ApiConventions.NotFound($"Organization '{code}'");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var dto = (await OrganizationQueries.ToDtosAsync(db, [org], today, ct))[0];
        var members = await MembershipEndpoints.Members(db, org.Id).ToListAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org);
        return TypedResults.Ok(new OrganizationDetailDto(dto, members.Select(m => MembershipEndpoints.ToDto(m, today)).ToList()));
    }

    internal static async Task<IResult> UpdateOrganization(string code, OrganizationUpdate body, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return ApiConventions.NotFound($"Organization '{code}'");
        var decision = access.DecideWrite(RecordLabel.Of(org));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        if (ApiConventions.CheckIfMatch(http, org) is { } failed) return failed;

        var errors = await OrganizationWrites.ApplyAsync(org, body.NameEn, body.NameFr, body.Kind, body.ChapterViii, body.HeadquartersIso3,
            body.Established, body.Dissolved, body.PredecessorCode, body.ParentCode, body.PeacebuildingUnit, db, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org);
        return TypedResults.NoContent();
    }

    /// <summary>A new organization: the secretariat's Administrator maintains the registry's list of partners.</summary>
    internal static async Task<IResult> CreateOrganization(OrganizationCreate body, InterlockDbContext db, AccessService access, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var org = new Organization { Code = body.Code?.Trim().ToUpperInvariant() ?? "", NameEn = "", NameFr = "" };
        // The new entry is owned by the new organization, so nobody is its OrgAdmin yet: the policy leaves the Administrator.
        if (!access.CanCreate(Categories.Organization, org.Id))
            return ApiConventions.Forbidden("Only the secretariat's Administrator adds organizations to the registry.");
        var errors = await OrganizationWrites.ValidateNewAsync(org, body.Kind, db, ct);
        errors.Merge(await OrganizationWrites.ApplyAsync(org, body.NameEn, body.NameFr, body.Kind ?? default, body.ChapterViii, body.HeadquartersIso3,
            body.Established, body.Dissolved, body.PredecessorCode, body.ParentCode, body.PeacebuildingUnit, db, ct));
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var dto = (await OrganizationQueries.ToDtosAsync(db, [org], today, ct))[0];
        http.Response.Headers.ETag = ApiConventions.ETagOf(org);
        return TypedResults.Created($"/api/v1/organizations/{org.Code}", new OrganizationDetailDto(dto, []));
    }

    internal static async Task<IResult> ListCountries(InterlockDbContext db, string? q, string? region, string? status,
        int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var unStatus = QueryEnum.Parse<UnStatus>(status, "status", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit ?? 300);
        var query = db.Countries.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(c => c.NameEn.ToLower().Contains(term) || c.NameFr.ToLower().Contains(term) || c.Iso3.ToLower() == term || c.Iso2.ToLower() == term);
        }
        if (!string.IsNullOrWhiteSpace(region))
            query = query.Where(c => c.RegionCode == region || c.SubregionCode == region || c.IntermediateCode == region);
        if (unStatus is { } s) query = query.Where(c => c.UnStatus == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.NameEn).Skip(skip).Take(take).ToListAsync(ct);
        return TypedResults.Ok(new Page<CountryDto>(items.Select(CountryDto.From).ToList(), total, skip, take));
    }

    internal static async Task<IResult> GetCountry(string iso3, InterlockDbContext db, CancellationToken ct)
    {
        var code = iso3.ToUpperInvariant();
        var c = await db.Countries.AsNoTracking().FirstOrDefaultAsync(x => x.Iso3 == code || x.M49 == iso3, ct);
        return c is null ? ApiConventions.NotFound($"Country '{iso3}'") : TypedResults.Ok(CountryDto.From(c));
    }

    internal static async Task<Page<SharingAgreementDto>> ListAgreements(InterlockDbContext db, AccessService access, int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = (await access.ReadableAsync(db.SharingAgreements.AsNoTracking(), ct)).Include(a => a.Parties);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.ValidFrom).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return new Page<SharingAgreementDto>(items.Select(a => SharingAgreementDto.From(a, codes, access.Today)).ToList(), total, skip, take);
    }

    internal static async Task<IResult> GetAgreement(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var a = await db.SharingAgreements.AsNoTracking().Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !await access.CanReadAsync(a, ct)) return ApiConventions.NotFound("Sharing agreement");
        await access.AuditReadsAsync([a], ct);
        var codes = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(a);
        return TypedResults.Ok(SharingAgreementDto.From(a, codes, access.Today));
    }

    internal static async Task<IResult> CreateAgreement(SharingAgreementCreate body, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var subject = access.Subject;
        var classification = body.Classification ?? Classification.Partners;
        if (!access.CanCreate(Categories.SharingAgreement, subject.OrganizationId!.Value, classification))
            return ApiConventions.Forbidden("Only an OrgAdmin records an information-sharing agreement for their organization.");

        var draft = new SharingAgreementDraft(body.Title, body.Parties ?? [], body.DataCategories ?? [], body.Ceiling,
            body.ValidFrom, body.ValidTo, body.DocumentReference, classification);
        var (agreement, errors) = await SharingAgreementActions.RecordAsync(db, subject, draft, ct);
        if (agreement is null) return ApiConventions.Validation(errors);
        var all = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return TypedResults.Created($"/api/v1/sharing-agreements/{agreement.Id}", SharingAgreementDto.From(agreement, all, access.Today));
    }

    internal static async Task<IResult> ConfirmAgreement(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (agreement, party, failure) = await PartyActionAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, agreement!) is { } failed) return failed;
        await SharingAgreementActions.ConfirmAsync(db, agreement!, party!, access.Subject, ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(agreement!);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> EndAgreement(Guid id, SharingAgreementEnd body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (agreement, _, failure) = await PartyActionAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, agreement!) is { } failed) return failed;
        var errors = await SharingAgreementActions.EndAsync(db, agreement!, body.ValidTo, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        http.Response.Headers.ETag = ApiConventions.ETagOf(agreement!);
        return TypedResults.NoContent();
    }

    /// <summary>A party's OrgAdmin acts for its own organization only.</summary>
    private static async Task<(SharingAgreement?, SharingAgreementParty?, IResult?)> PartyActionAsync(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var agreement = await db.SharingAgreements.Include(a => a.Parties).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null || !await access.CanReadAsync(agreement, ct)) return (null, null, ApiConventions.NotFound("Sharing agreement"));
        var party = SharingAgreementActions.ActingParty(access.Subject, agreement);
        if (party is null)
            return (agreement, null, ApiConventions.Forbidden("Only an OrgAdmin of a party organization may do this for that organization."));
        return (agreement, party, null);
    }
}
