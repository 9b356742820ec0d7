using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>The directory's filters and projections, shared by the API and the pages.</summary>
public static class OrganizationQueries
{
    public static IQueryable<Organization> Filter(InterlockDbContext db, string? q, OrganizationKind? kind, bool? chapterViii,
        string? member, string? region, DateOnly today)
    {
        var query = db.Organizations.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(o => o.Code.ToLower().Contains(term) || o.NameEn.ToLower().Contains(term) || o.NameFr.ToLower().Contains(term));
        }
        if (kind is { } k) query = query.Where(o => o.Kind == k);
        if (chapterViii is { } c8) query = query.Where(o => o.ChapterViii == c8);
        if (!string.IsNullOrWhiteSpace(member))
        {
            var iso3 = member.Trim().ToUpperInvariant();
            query = query.Where(o => o.Memberships.Any(m => m.CountryIso3 == iso3 && m.Joined <= today && (m.Left == null || m.Left > today)));
        }
        if (!string.IsNullOrWhiteSpace(region))
            query = query.Where(o => o.Memberships.Any(m => m.Joined <= today && (m.Left == null || m.Left > today) &&
                (m.Country!.RegionCode == region || m.Country.SubregionCode == region || m.Country.IntermediateCode == region)));
        return query;
    }

    public static async Task<List<OrganizationDto>> ToDtosAsync(InterlockDbContext db, IReadOnlyList<Organization> orgs, DateOnly today, CancellationToken ct)
    {
        var ids = orgs.Select(o => o.Id).ToList();
        var counts = await db.Memberships.Where(m => ids.Contains(m.OrganizationId) && m.Joined <= today && (m.Left == null || m.Left > today))
            .GroupBy(m => m.OrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var related = orgs.SelectMany(o => new[] { o.PredecessorId, o.ParentId }).OfType<Guid>().Distinct().ToList();
        var codes = await db.Organizations.Where(o => related.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return orgs.Select(o => new OrganizationDto(o.Id, o.Code, o.NameEn, o.NameFr, o.Kind, o.ChapterViii, o.HeadquartersIso3,
            o.Established is { } e ? PartialDate.Format(e, o.EstablishedPrecision) : null,
            o.Dissolved is { } d ? PartialDate.Format(d, o.DissolvedPrecision) : null,
            o.PredecessorId is { } p ? codes.GetValueOrDefault(p) : null,
            o.ParentId is { } pa ? codes.GetValueOrDefault(pa) : null,
            o.SeedRefs, counts.GetValueOrDefault(o.Id), o.Version) { PeacebuildingUnit = o.PeacebuildingUnit }).ToList();
    }
}
