using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Ripeness;

/// <summary>Loads the facts the rule needs for a situation: risk levels, fitting capabilities the reader may see, memberships.</summary>
public static class RipenessFactsLoader
{
    public static async Task<RipenessFacts> LoadAsync(InterlockDbContext db, Situation s, Subject subject, IReadOnlyList<SharingGrant> grants,
        DateOnly today, int months, CancellationToken ct)
    {
        var country = await db.Countries.AsNoTracking().FirstAsync(c => c.Iso3 == s.CountryIso3, ct);
        var risk = await db.CountryRisks.AsNoTracking().Where(r => r.CountryIso3 == s.CountryIso3)
            .OrderByDescending(r => r.Month).Take(months + 1).Select(r => new { r.Month, r.Level }).ToListAsync(ct);

        var stageArea = PreventionStages.AreaCode(s.Stage);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Code, a.ParentCode }).ToListAsync(ct);
        var fitting = new HashSet<string> { stageArea };
        // The stage's sub-areas fit too: mediation is preventive diplomacy.
        for (var added = true; added;)
            added = areas.Where(a => a.ParentCode is not null && fitting.Contains(a.ParentCode)).Select(a => fitting.Add(a.Code)).ToList().Any(x => x);

        var capabilities = await db.Capabilities.AsNoTracking().Where(AccessPolicy.ReadFilter<Capability>(subject, grants))
            .Where(c => fitting.Contains(c.AreaCode)).ToListAsync(ct);
        var orgCodes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var place = CapabilityFinder.Place.ForCountry(country);
        var facts = capabilities.Select(c => new CapabilityFact(orgCodes.GetValueOrDefault(c.OwnerOrganizationId, "?"), c.AreaCode,
            CapabilityFinder.Covers(c, place, code => code))).ToList();

        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CountryIso3 == s.CountryIso3).ToListAsync(ct);
        var memberOf = memberships.Where(m => m.IsCurrent(today)).Select(m => orgCodes.GetValueOrDefault(m.OrganizationId, "?")).ToHashSet();

        return new RipenessFacts(country.NameEn, stageArea, risk.Select(r => (r.Month, r.Level)).ToList(), facts, memberOf);
    }
}
