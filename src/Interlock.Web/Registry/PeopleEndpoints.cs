using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>
/// People of partner organizations and their roles. A person's record is personal data, never Public, so every
/// endpoint needs a signed-in caller; the access policy then decides which people each caller sees.
/// </summary>
public static class PeopleEndpoints
{
    public static void MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people").WithTags("People").RequireAuthorization();
        people.MapGet("/", List).WithName("ListPeople").Produces<Page<PersonDto>>();
        people.MapGet("/{id:guid}", Get).WithName("GetPerson");
        people.MapPost("/", Create).WithName("CreatePerson");
        people.MapPut("/{id:guid}", Update).WithName("UpdatePerson");
        people.MapDelete("/{id:guid}", Delete).WithName("DeletePerson");
        people.MapPost("/{id:guid}/roles", AddRole).WithName("AddPersonRole");
        people.MapPut("/{id:guid}/roles/{roleId:guid}", UpdateRole).WithName("UpdatePersonRole");
        people.MapDelete("/{id:guid}/roles/{roleId:guid}", DeleteRole).WithName("DeletePersonRole");
        people.MapGet("/{id:guid}/vcard", ContactCards.PersonCard).WithName("GetPersonVCard")
            .Produces<string>(StatusCodes.Status200OK, VCardWriter.MediaType);

        var orgs = app.MapGroup("/api/v1/organizations/{code}").WithTags("People").RequireAuthorization();
        orgs.MapGet("/liaison", Liaison).WithName("GetLiaisonOfficial");
        orgs.MapGet("/focal-points.vcf", ContactCards.FocalPointCards).WithName("GetFocalPointsVCard")
            .Produces<string>(StatusCodes.Status200OK, VCardWriter.MediaType);
    }

    /// <param name="role">liaisonOfficial, focalPoint or staffOfficer: holds such a role today.</param>
    /// <param name="purpose">A focal point's purpose, e.g. earlyWarning.</param>
    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? organization, string? role,
        string? purpose, string? q, int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var kind = QueryEnum.Parse<PersonRoleKind>(role, "role", errors);
        var why = QueryEnum.Parse<FocalPointPurpose>(purpose, "purpose", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        return TypedResults.Ok(await PeopleQueries.PageAsync(db, access, new PeopleFilter(organization, kind, why, q), offset, limit, ct));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !await access.CanReadAsync(person, ct)) return ApiConventions.NotFound("Person");
        await access.AuditReadsAsync([person], ct);
        return await OkAsync(person, db, access, http, ct);
    }

    internal static async Task<IResult> Create(PersonWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        var classification = body.Classification ?? Classification.Partners;
        if (!access.CanCreate(Categories.Contact, owner, classification))
            return ApiConventions.Forbidden("Your role cannot record people.");
        var errors = Validate(body, classification);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var person = new Person { OwnerOrganizationId = owner, FullName = "" };
        Apply(person, body, classification);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person);
        var codes = await PeopleQueries.OrganizationCodesAsync(db, [owner], ct);
        return TypedResults.Created($"/api/v1/people/{person.Id}", PersonDto.From(person, codes, access.Today));
    }

    internal static async Task<IResult> Update(Guid id, PersonWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, person!) is { } failed) return failed;
        var classification = body.Classification ?? Classification.Partners;
        var errors = Validate(body, classification);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        Apply(person!, body, classification);
        await db.SaveChangesAsync(ct);
        return await OkAsync(person!, db, access, http, ct);
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        if (ApiConventions.CheckIfMatch(http, person!) is { } failed) return failed;
        db.People.Remove(person!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Gives a person a role. Naming a liaison official ends the current one's term on the new start date, so that
    /// the organization always has at most one.
    /// </summary>
    internal static async Task<IResult> AddRole(Guid id, PersonRoleCreate body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        var errors = new ValidationErrors()
            .Require(body.Kind is not null, "kind", "The kind of role is required: liaisonOfficial, focalPoint or staffOfficer.")
            .Require(body.Start is not null, "start", "The first day of the term is required.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var kind = body.Kind!.Value;
        var start = body.Start!.Value;
        var country = Blank(body.CountryIso3)?.ToUpperInvariant();
        var region = Blank(body.RegionCode);
        var area = Blank(body.AreaCode);
        errors = PersonRoleRules.Validate(kind, body.Purpose, country, region, area, start, body.End);
        await CheckReferencesAsync(errors, country, region, area, db, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var org = person!.OwnerOrganizationId;
        PersonRole role;
        // Two appointments at once must not both see "no successor yet": read and write the liaison terms under a lock.
        await using var transaction = kind == PersonRoleKind.LiaisonOfficial ? await LockLiaisonsAsync(db, org, ct) : null;
        if (kind == PersonRoleKind.LiaisonOfficial)
        {
            var liaisons = await db.PersonRoles.Where(r => r.OrganizationId == org && r.Kind == PersonRoleKind.LiaisonOfficial).ToListAsync(ct);
            var openBefore = liaisons.ToDictionary(r => r.Id, r => r.End);
            try
            {
                role = LiaisonRule.Appoint(liaisons, org, person.Id, start);
            }
            catch (DomainValidationException e)
            {
                return ApiConventions.Validation(e.Errors);
            }
            role.End = body.End;
            // The predecessor's record changed too: its version moves on.
            foreach (var ended in liaisons.Where(r => r.End != openBefore[r.Id] && r.PersonId != person.Id))
                await TouchPersonAsync(db, ended.PersonId, ct);
        }
        else
        {
            role = new PersonRole
            {
                OrganizationId = org, PersonId = person.Id, Kind = kind, Purpose = body.Purpose, CountryIso3 = country, RegionCode = region,
                AreaCode = area, Start = start, End = body.End,
            };
        }
        db.PersonRoles.Add(role);
        Touch(db, person);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person);
        return TypedResults.Created($"/api/v1/people/{person.Id}/roles/{role.Id}", PersonRoleDto.From(role, access.Today));
    }

    /// <summary>Sets the end of a term. A liaison official's term may not run into a successor's.</summary>
    internal static async Task<IResult> UpdateRole(Guid id, Guid roleId, PersonRoleUpdate body, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        var role = await db.PersonRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.PersonId == id, ct);
        if (role is null) return ApiConventions.NotFound("Role");
        if (ApiConventions.CheckIfMatch(http, person!) is { } failed) return failed;
        var organizationRoles = await db.PersonRoles.AsNoTracking()
            .Where(r => r.OrganizationId == role.OrganizationId && r.Kind == role.Kind).ToListAsync(ct);
        var errors = PersonRoleRules.ValidateEnd(role, body.End, organizationRoles);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        role.End = body.End;
        Touch(db, person!);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person!);
        return TypedResults.Ok(PersonRoleDto.From(role, access.Today));
    }

    /// <summary>Removes a role recorded by mistake (to end a term, set its end instead).</summary>
    internal static async Task<IResult> DeleteRole(Guid id, Guid roleId, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        var role = await db.PersonRoles.FirstOrDefaultAsync(r => r.Id == roleId && r.PersonId == id, ct);
        if (role is null) return ApiConventions.NotFound("Role");
        if (ApiConventions.CheckIfMatch(http, person!) is { } failed) return failed;
        db.PersonRoles.Remove(role);
        Touch(db, person!);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person!);
        return TypedResults.NoContent();
    }

    /// <summary>The organization's current high-level liaison official, if the caller may read that person.</summary>
    internal static async Task<IResult> Liaison(string code, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return ApiConventions.NotFound($"Organization '{code}'");
        var liaisons = await db.PersonRoles.AsNoTracking()
            .Where(r => r.OrganizationId == org.Id && r.Kind == PersonRoleKind.LiaisonOfficial).ToListAsync(ct);
        var current = LiaisonRule.CurrentOn(liaisons, access.Today);
        if (current is null) return ApiConventions.NotFound($"A current liaison official of '{code}'");
        var person = await db.People.AsNoTracking().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == current.PersonId, ct);
        // Unreadable looks like none: the policy decides, and nothing leaks.
        if (person is null || !await access.CanReadAsync(person, ct)) return ApiConventions.NotFound($"A current liaison official of '{code}'");
        await access.AuditReadsAsync([person], ct);
        return await OkAsync(person, db, access, http, ct);
    }

    /// <summary>
    /// Serializes changes to one organization's liaison terms: SQLite's transactions take the write lock when they begin;
    /// PostgreSQL takes a transaction-scoped advisory lock keyed by the organization.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> LockLiaisonsAsync(InterlockDbContext db, Guid org,
        CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt32(org.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7316022, {key})", ct);
        }
        return transaction;
    }

    /// <summary>The person, tracked, when the caller may read it (else 404) and change it (else 403).</summary>
    private static async Task<(Person?, IResult?)> WritablePersonAsync(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !await access.CanReadAsync(person, ct)) return (null, ApiConventions.NotFound("Person"));
        var decision = access.DecideWrite(RecordLabel.Of(person));
        return decision.Allowed ? (person, null) : (person, ApiConventions.Forbidden(decision.Reason));
    }

    private static ValidationErrors Validate(PersonWrite body, Classification classification) => PersonWrites.Validate(body.ToFields(), classification);

    private static void Apply(Person person, PersonWrite body, Classification classification) => PersonWrites.Apply(person, body.ToFields(), classification);

    private static Task CheckReferencesAsync(ValidationErrors errors, string? country, string? region, string? area, InterlockDbContext db,
        CancellationToken ct) => PersonWrites.CheckRoleReferencesAsync(errors, country, region, area, db, ct);

    private static async Task<IResult> OkAsync(Person person, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        if (db.Entry(person).State != EntityState.Detached && !db.Entry(person).Collection(p => p.Roles).IsLoaded)
            await db.Entry(person).Collection(p => p.Roles).LoadAsync(ct);
        var codes = await PeopleQueries.OrganizationCodesAsync(db, [person.OwnerOrganizationId], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person);
        return TypedResults.Ok(PersonDto.From(person, codes, access.Today));
    }

    /// <summary>Roles are part of the person's record: a change to them is a new version of it.</summary>
    private static void Touch(InterlockDbContext db, Person person) => db.Entry(person).Property(p => p.Version).IsModified = true;

    private static async Task TouchPersonAsync(InterlockDbContext db, Guid personId, CancellationToken ct)
    {
        var other = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (other is not null) Touch(db, other);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
