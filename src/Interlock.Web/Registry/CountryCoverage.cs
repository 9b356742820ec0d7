using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Web.Capabilities;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>An organization that covers the country: as a current member's organization, through capabilities, or both.</summary>
public sealed record CoveringOrganization(
    Organization Organization,
    Membership? Membership,
    IReadOnlyList<(Capability Capability, string How)> Capabilities,
    IReadOnlyList<(Person Person, PersonRole Role)> EarlyWarningFocalPoints);

public sealed record CoverageResult(Country Country, IReadOnlyList<CoveringOrganization> Organizations);

/// <summary>
/// "Who covers this country": every organization it is currently a member of, every organization with a readable
/// capability whose scope covers it, and their current early-warning focal points the caller may read.
/// The one implementation, called by the API and by the page.
/// </summary>
public static class CountryCoverage
{
    /// <returns>Null when no state has that ISO 3166 alpha-3 code.</returns>
    public static async Task<CoverageResult?> ForAsync(InterlockDbContext db, AccessService access, string iso3, CancellationToken ct)
    {
        var code = iso3.Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Iso3 == code, ct);
        if (country is null) return null;
        var today = access.Today;

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.CountryIso3 == code && m.Joined <= today && (m.Left == null || m.Left > today))
            .ToListAsync(ct);
        var capabilities = await CapabilitySearch.CoveringAsync(db, access, country, ct);
        await access.AuditReadsAsync(capabilities.Select(c => c.Capability), ct);

        var orgIds = memberships.Select(m => m.OrganizationId).Concat(capabilities.Select(c => c.Capability.OwnerOrganizationId)).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var focalPoints = await PeopleQueries.CurrentHoldersAsync(db, access, orgIds, PersonRoleKind.FocalPoint, FocalPointPurpose.EarlyWarning, ct);

        var result = orgIds
            .Where(orgs.ContainsKey)
            .Select(id => new CoveringOrganization(
                orgs[id],
                memberships.Where(m => m.OrganizationId == id).OrderBy(m => m.Joined).FirstOrDefault(),
                capabilities.Where(c => c.Capability.OwnerOrganizationId == id)
                    .OrderBy(c => c.Capability.ReadinessDays).ThenBy(c => c.Capability.AreaCode).ToList(),
                focalPoints.Where(f => f.Role.OrganizationId == id).ToList()))
            // Members' organizations first (subsidiarity), then the others; by code within each.
            .OrderBy(o => o.Membership is null)
            .ThenBy(o => o.Organization.Code, StringComparer.Ordinal)
            .ToList();
        return new CoverageResult(country, result);
    }
}
