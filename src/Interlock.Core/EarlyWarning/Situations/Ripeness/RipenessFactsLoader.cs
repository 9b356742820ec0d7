using Interlock.Capabilities;
using Interlock.Data;
using Interlock.DivisionOfLabour;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Ripeness;

/// <summary>
/// Loads the facts the rule needs for a situation: risk levels, fitting capabilities the reader may see, memberships, and
/// the situation's needs with the engagements that cover them, both as the reader may see them.
/// </summary>
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

        var needs = await NeedsAsync(db, s, subject, grants, orgCodes, today, ct);
        return new RipenessFacts(country.NameEn, stageArea, risk.Select(r => (r.Month, r.Level)).ToList(), facts, memberOf, needs);
    }

    private static async Task<NeedsFacts> NeedsAsync(InterlockDbContext db, Situation s, Subject subject, IReadOnlyList<SharingGrant> grants,
        IReadOnlyDictionary<Guid, string> orgCodes, DateOnly today, CancellationToken ct)
    {
        var needs = await db.Needs.AsNoTracking().Where(AccessPolicy.ReadFilter<Need>(subject, grants)).Where(n => n.SituationId == s.Id).ToListAsync(ct);
        if (needs.Count == 0) return new NeedsFacts([], 0);
        // A need may lie outside the situation's own country (a neighbour hosting refugees): look where the needs are.
        var countries = needs.Select(n => n.CountryIso3).Distinct().ToList();
        var engagements = await db.Engagements.AsNoTracking().Where(AccessPolicy.ReadFilter<Engagement>(subject, grants))
            .Where(e => countries.Contains(e.CountryIso3) && e.Status != EngagementStatus.Completed).ToListAsync(ct);
        var names = await db.Countries.AsNoTracking().Where(c => countries.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, c => c.NameEn, ct);
        var coverage = new Coverage(await db.Areas.AsNoTracking().ToListAsync(ct));
        return NeedsFacts.Build(needs, engagements, coverage, orgCodes, iso3 => names.GetValueOrDefault(iso3, iso3), today);
    }
}
