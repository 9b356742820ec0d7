using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>
/// The member states of an organization. Memberships are part of the organization's public registry entry: reads are
/// public, writes are decided on the organization's label, and every change moves the organization's ETag on, which
/// PUT and DELETE must send in If-Match.
/// </summary>
public static class MembershipEndpoints
{
    public static void MapMembershipApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/organizations/{code}/members").WithTags("Registry").AllowAnonymous()
            .MapGet("/", List).WithName("ListMembers").Produces<Page<MembershipDto>>();

        var api = app.MapGroup("/api/v1/organizations/{code}/members").WithTags("Registry").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateMembership");
        api.MapPut("/{id:guid}", Update).WithName("UpdateMembership");
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteMembership");
    }

    internal static IQueryable<Membership> Members(InterlockDbContext db, Guid organizationId) =>
        db.Memberships.AsNoTracking().Include(m => m.Country).Where(m => m.OrganizationId == organizationId)
            .OrderBy(m => m.Country!.NameEn).ThenBy(m => m.Joined);

    internal static MembershipDto ToDto(Membership m, DateOnly today) => new(m.CountryIso3, m.Country?.NameEn,
        PartialDate.Format(m.Joined, m.JoinedPrecision), m.Left is { } l ? PartialDate.Format(l, m.LeftPrecision) : null, m.Note)
    {
        Id = m.Id,
        Current = m.IsCurrent(today),
    };

    internal static async Task<IResult> List(string code, bool? current, int? offset, int? limit, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return ApiConventions.NotFound($"Organization '{code}'");
        var (skip, take) = Paging.Normalize(offset, limit ?? 300);
        var today = access.Today;
        var query = Members(db, org.Id);
        if (current is { } c)
            query = c ? query.Where(m => m.Joined <= today && (m.Left == null || m.Left > today))
                      : query.Where(m => !(m.Joined <= today && (m.Left == null || m.Left > today)));
        var total = await query.CountAsync(ct);
        var items = await query.Skip(skip).Take(take).ToListAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org);
        return TypedResults.Ok(new Page<MembershipDto>(items.Select(m => ToDto(m, today)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Create(string code, MembershipWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (org, failure) = await WritableOrganizationAsync(code, db, access, ct);
        if (failure is not null) return failure;
        var membership = new Membership { OrganizationId = org!.Id, CountryIso3 = "" };
        var errors = await ApplyAsync(membership, body, org, db, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        db.Memberships.Add(membership);
        Touch(db, org);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org);
        membership.Country = await db.Countries.AsNoTracking().FirstAsync(c => c.Iso3 == membership.CountryIso3, ct);
        return TypedResults.Created($"/api/v1/organizations/{org.Code}/members/{membership.Id}", ToDto(membership, access.Today));
    }

    internal static async Task<IResult> Update(string code, Guid id, MembershipWrite body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (org, failure) = await WritableOrganizationAsync(code, db, access, ct);
        if (failure is not null) return failure;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.OrganizationId == org!.Id, ct);
        if (membership is null) return ApiConventions.NotFound("Membership");
        if (ApiConventions.CheckIfMatch(http, org!) is { } failed) return failed;
        var errors = await ApplyAsync(membership, body, org!, db, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        Touch(db, org!);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org!);
        membership.Country = await db.Countries.AsNoTracking().FirstAsync(c => c.Iso3 == membership.CountryIso3, ct);
        return TypedResults.Ok(ToDto(membership, access.Today));
    }

    internal static async Task<IResult> Delete(string code, Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (org, failure) = await WritableOrganizationAsync(code, db, access, ct);
        if (failure is not null) return failure;
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.OrganizationId == org!.Id, ct);
        if (membership is null) return ApiConventions.NotFound("Membership");
        if (ApiConventions.CheckIfMatch(http, org!) is { } failed) return failed;
        db.Memberships.Remove(membership);
        Touch(db, org!);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(org!);
        return TypedResults.NoContent();
    }

    /// <summary>The organization, tracked, when the caller may change its registry entry.</summary>
    private static async Task<(Organization?, IResult?)> WritableOrganizationAsync(string code, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return (null, ApiConventions.NotFound($"Organization '{code}'"));
        var decision = access.DecideWrite(RecordLabel.Of(org));
        return decision.Allowed ? (org, null) : (org, ApiConventions.Forbidden(decision.Reason));
    }

    private static async Task<ValidationErrors> ApplyAsync(Membership target, MembershipWrite body, Organization org, InterlockDbContext db, CancellationToken ct)
    {
        var iso3 = body.Iso3?.Trim().ToUpperInvariant();
        var known = iso3 is { Length: 3 } && await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct);
        var others = known
            ? await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == org.Id && m.CountryIso3 == iso3).ToListAsync(ct)
            : [];
        return MembershipRules.Apply(target, iso3, known, body.Joined, body.Left, body.Note, others);
    }

    /// <summary>The members are part of the organization's entry: a change to them is a new version of it.</summary>
    private static void Touch(InterlockDbContext db, Organization org) =>
        db.Entry(org).Property(o => o.Version).IsModified = true;
}
