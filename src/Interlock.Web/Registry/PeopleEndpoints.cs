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
    /// Gives a person a role (see <see cref="PersonRoleWrites"/>): naming a liaison official ends the current one's term
    /// on the new start date, so that the organization always has at most one.
    /// </summary>
    internal static async Task<IResult> AddRole(Guid id, PersonRoleCreate body, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var (person, failure) = await WritablePersonAsync(id, db, access, ct);
        if (failure is not null) return failure;
        var (role, errors) = await PersonRoleWrites.AddAsync(db, person!, body.ToFields(), ct);
        if (role is null) return ApiConventions.Validation(errors);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person!);
        return TypedResults.Created($"/api/v1/people/{person!.Id}/roles/{role.Id}", PersonRoleDto.From(role, access.Today));
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
        var errors = await PersonRoleWrites.EndAsync(db, person!, role, body.End, ct);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
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

    private static async Task<IResult> OkAsync(Person person, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        if (db.Entry(person).State != EntityState.Detached && !db.Entry(person).Collection(p => p.Roles).IsLoaded)
            await db.Entry(person).Collection(p => p.Roles).LoadAsync(ct);
        var codes = await PeopleQueries.OrganizationCodesAsync(db, [person.OwnerOrganizationId], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(person);
        return TypedResults.Ok(PersonDto.From(person, codes, access.Today));
    }

    private static void Touch(InterlockDbContext db, Person person) => PersonRoleWrites.Touch(db, person);

}
