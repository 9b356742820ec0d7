using Interlock.Data;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.Registry;

/// <summary>A role to give a person, as the API and the pages receive it.</summary>
public sealed record PersonRoleFields(PersonRoleKind? Kind, DateOnly? Start, DateOnly? End = null, FocalPointPurpose? Purpose = null,
    string? CountryIso3 = null, string? RegionCode = null, string? AreaCode = null);

/// <summary>
/// Gives a person a role, shared by the API and the person page. Naming a liaison official ends the current one's
/// term on the new start date, so that the organization always has at most one.
/// </summary>
public static class PersonRoleWrites
{
    /// <summary>Validates, appoints and saves; returns the new role, or the errors (and writes nothing).</summary>
    public static async Task<(PersonRole? Role, ValidationErrors Errors)> AddAsync(InterlockDbContext db, Person person, PersonRoleFields body,
        CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body.Kind is not null, "kind", "The kind of role is required: liaisonOfficial, focalPoint or staffOfficer.")
            .Require(body.Start is not null, "start", "The first day of the term is required.");
        if (!errors.IsEmpty) return (null, errors);
        var kind = body.Kind!.Value;
        var start = body.Start!.Value;
        var country = PersonWrites.Blank(body.CountryIso3)?.ToUpperInvariant();
        var region = PersonWrites.Blank(body.RegionCode);
        var area = PersonWrites.Blank(body.AreaCode);
        errors = PersonRoleRules.Validate(kind, body.Purpose, country, region, area, start, body.End);
        await PersonWrites.CheckRoleReferencesAsync(errors, country, region, area, db, ct);
        if (!errors.IsEmpty) return (null, errors);

        var org = person.OwnerOrganizationId;
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
                return (null, e.Errors);
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
        return (role, errors);
    }

    /// <summary>Sets (or clears) the end of <paramref name="role"/> when the rules allow it, and saves.</summary>
    public static async Task<ValidationErrors> EndAsync(InterlockDbContext db, Person person, PersonRole role, DateOnly? end, CancellationToken ct)
    {
        var organizationRoles = await db.PersonRoles.AsNoTracking()
            .Where(r => r.OrganizationId == role.OrganizationId && r.Kind == role.Kind).ToListAsync(ct);
        var errors = PersonRoleRules.ValidateEnd(role, end, organizationRoles);
        if (!errors.IsEmpty) return errors;
        role.End = end;
        Touch(db, person);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Roles are part of the person's record: a change to them is a new version of it.</summary>
    public static void Touch(InterlockDbContext db, Person person) => db.Entry(person).Property(p => p.Version).IsModified = true;

    /// <summary>
    /// Serializes changes to one organization's liaison terms: SQLite's transactions take the write lock when they begin;
    /// PostgreSQL takes a transaction-scoped advisory lock keyed by the organization.
    /// </summary>
    private static async Task<IDbContextTransaction> LockLiaisonsAsync(InterlockDbContext db, Guid org, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt32(org.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7316022, {key})", ct);
        }
        return transaction;
    }

    private static async Task TouchPersonAsync(InterlockDbContext db, Guid personId, CancellationToken ct)
    {
        var other = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (other is not null) Touch(db, other);
    }
}
