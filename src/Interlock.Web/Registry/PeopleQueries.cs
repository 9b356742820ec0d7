using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>Filters for the directory of people.</summary>
/// <param name="Organization">Code of the organization they work for.</param>
/// <param name="Role">Holds a current role of this kind.</param>
/// <param name="Purpose">Is a current focal point for this purpose.</param>
/// <param name="Q">Part of the name or job title.</param>
public sealed record PeopleFilter(string? Organization = null, PersonRoleKind? Role = null, FocalPointPurpose? Purpose = null, string? Q = null);

/// <summary>
/// The people the caller may read, filtered: shared by the API and the pages, so that both show the same people
/// and both log reads of restricted contacts.
/// </summary>
public static class PeopleQueries
{
    /// <summary>The readable people matching <paramref name="filter"/>, with their roles, not yet ordered or paged.</summary>
    public static async Task<IQueryable<Person>> ReadableAsync(InterlockDbContext db, AccessService access, PeopleFilter filter, CancellationToken ct)
    {
        var query = (await access.ReadableAsync(db.People.AsNoTracking(), ct)).Include(p => p.Roles).AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Organization))
        {
            var code = filter.Organization.Trim();
            var orgId = await db.Organizations.Where(o => o.Code == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            query = query.Where(p => p.OwnerOrganizationId == orgId);
        }
        var today = access.Today;
        if (filter.Role is not null || filter.Purpose is not null)
        {
            var kind = filter.Purpose is not null ? PersonRoleKind.FocalPoint : filter.Role!.Value;
            var purpose = filter.Purpose;
            query = filter.Role is { } k && k != kind
                ? query.Where(_ => false) // a purpose belongs to focal points only
                : query.Where(p => p.Roles.Any(r => r.Kind == kind && (purpose == null || r.Purpose == purpose) &&
                                                    r.Start <= today && (r.End == null || r.End > today)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var term = filter.Q.Trim().ToLower();
            query = query.Where(p => p.FullName.ToLower().Contains(term) || (p.JobTitle != null && p.JobTitle.ToLower().Contains(term)));
        }
        return query;
    }

    /// <summary>One page of people in name order, as DTOs; reads of restricted contacts are logged.</summary>
    public static async Task<Page<PersonDto>> PageAsync(InterlockDbContext db, AccessService access, PeopleFilter filter, int? offset, int? limit,
        CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = await ReadableAsync(db, access, filter, ct);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.FullName).ThenBy(p => p.Id).Skip(skip).Take(take).AsSplitQuery().ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await OrganizationCodesAsync(db, items.Select(p => p.OwnerOrganizationId), ct);
        return new Page<PersonDto>(items.Select(p => PersonDto.From(p, codes, access.Today)).ToList(), total, skip, take);
    }

    /// <summary>
    /// The readable people who hold a current role of <paramref name="kind"/> for the organization (and purpose),
    /// each with that role; reads of restricted contacts are logged.
    /// </summary>
    public static async Task<IReadOnlyList<(Person Person, PersonRole Role)>> CurrentHoldersAsync(InterlockDbContext db, AccessService access,
        IReadOnlyCollection<Guid> organizationIds, PersonRoleKind kind, FocalPointPurpose? purpose, CancellationToken ct)
    {
        var today = access.Today;
        var people = await (await access.ReadableAsync(db.People.AsNoTracking(), ct)).Include(p => p.Roles)
            .Where(p => p.Roles.Any(r => organizationIds.Contains(r.OrganizationId) && r.Kind == kind && (purpose == null || r.Purpose == purpose) &&
                                         r.Start <= today && (r.End == null || r.End > today)))
            .OrderBy(p => p.FullName).AsSplitQuery().ToListAsync(ct);
        await access.AuditReadsAsync(people, ct);
        return people.SelectMany(p => p.Roles
                .Where(r => organizationIds.Contains(r.OrganizationId) && r.Kind == kind && (purpose == null || r.Purpose == purpose) && r.IsCurrent(today))
                .Select(r => (p, r)))
            .ToList();
    }

    public static async Task<Dictionary<Guid, string>> OrganizationCodesAsync(InterlockDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organizations.Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
    }
}
