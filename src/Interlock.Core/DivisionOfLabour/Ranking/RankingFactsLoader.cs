using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// Gathers the facts the ranking weighs for a need. Capabilities and engagements go through the access policy's read
/// filter for the reader: a confidential capability or engagement the reader may not see does not move the ranking the
/// reader is shown (it would otherwise leak through the scores). Organizations and memberships are public registry data.
/// </summary>
public static class RankingFactsLoader
{
    public static async Task<RankingFacts> LoadAsync(InterlockDbContext db, Need need, Subject subject, IReadOnlyList<SharingGrant> grants,
        CancellationToken ct)
    {
        var country = await db.Countries.AsNoTracking().FirstAsync(c => c.Iso3 == need.CountryIso3, ct);
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var coverage = new Coverage(areas);
        var branch = areas.Where(a => coverage.SameBranch(need.AreaCode, a.Code)).Select(a => a.Code).ToList();

        var organizations = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var capabilities = await db.Capabilities.AsNoTracking().Where(AccessPolicy.ReadFilter<Capability>(subject, grants))
            .Where(c => branch.Contains(c.AreaCode)).ToListAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CountryIso3 == need.CountryIso3).ToListAsync(ct);
        var engagements = await db.Engagements.AsNoTracking().Where(AccessPolicy.ReadFilter<Engagement>(subject, grants))
            .Where(e => e.CountryIso3 == need.CountryIso3 && e.Status != EngagementStatus.Completed).ToListAsync(ct);

        return new RankingFacts(need, country, organizations, capabilities, memberships, engagements, areas, M49Regions.Names([country]));
    }
}
