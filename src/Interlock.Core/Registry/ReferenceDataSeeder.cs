using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry;

/// <summary>
/// Loads the reference data into a database, idempotently: missing rows are added, reference rows
/// nobody has edited are brought up to date, and edits made in Interlock are never overwritten.
/// </summary>
public static class ReferenceDataSeeder
{
    public sealed record Result(bool Skipped, int CountriesAdded, int OrganizationsAdded, int MembershipsAdded, int AreasAdded = 0, int CapabilitiesAdded = 0);

    public static async Task<Result> SeedAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var fingerprint = ReferenceData.Fingerprint();
        // One transaction, one audit entry per file: a reference-data load is a bulk import, not a thousand edits.
        // Nodes starting together take turns (SQLite's write lock; an advisory lock on PostgreSQL), and the
        // second finds the data already there.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7316022)", ct);
        var applied = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == "reference", ct);
        if (applied?.Sha256 == fingerprint) return new Result(true, 0, 0, 0);

        var countriesAdded = await SeedCountriesAsync(db, ct);
        var orgsAdded = await SeedOrganizationsAsync(db, ct);
        var membershipsAdded = await SeedMembershipsAsync(db, ct);
        var areasAdded = await SeedAreasAsync(db, ct);
        var capabilitiesAdded = await SeedCapabilitiesAsync(db, ct);

        if (applied is null) db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = "reference", Sha256 = fingerprint, AppliedAt = db.Time.GetUtcNow() });
        else { applied.Sha256 = fingerprint; applied.AppliedAt = db.Time.GetUtcNow(); }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(false, countriesAdded, orgsAdded, membershipsAdded, areasAdded, capabilitiesAdded);
    }

    private static async Task<int> SeedCountriesAsync(InterlockDbContext db, CancellationToken ct)
    {
        var existing = await db.Countries.ToDictionaryAsync(c => c.Iso3, ct);
        var added = 0;
        foreach (var row in ReferenceData.ReadCountries())
        {
            var c = row.Country;
            if (!existing.TryGetValue(c.Iso3, out var e)) { db.Countries.Add(c); added++; continue; }
            e.Iso2 = c.Iso2; e.M49 = c.M49; e.GwCode = c.GwCode; e.NameEn = c.NameEn; e.NameFr = c.NameFr;
            e.RegionCode = c.RegionCode; e.RegionEn = c.RegionEn; e.RegionFr = c.RegionFr;
            e.SubregionCode = c.SubregionCode; e.SubregionEn = c.SubregionEn; e.SubregionFr = c.SubregionFr;
            e.IntermediateCode = c.IntermediateCode; e.IntermediateEn = c.IntermediateEn; e.IntermediateFr = c.IntermediateFr;
            e.UnStatus = c.UnStatus;
            if (!e.Neighbours.SequenceEqual(c.Neighbours)) e.Neighbours = c.Neighbours;
        }
        db.AuditNextSaveAsBatch("ReferenceData", ReferenceData.Countries, $"{{\"added\":{added}}}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static async Task<int> SeedOrganizationsAsync(InterlockDbContext db, CancellationToken ct)
    {
        var rows = ReferenceData.ReadOrganizations();
        var byCode = await db.Organizations.ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var added = 0;
        foreach (var row in rows)
        {
            var o = row.Organization;
            if (!byCode.TryGetValue(o.Code, out var e)) { db.Organizations.Add(o); byCode[o.Code] = o; added++; continue; }
            if (e.Version != 0) continue; // edited in Interlock: the partner's own record wins
            e.NameEn = o.NameEn; e.NameFr = o.NameFr; e.Kind = o.Kind; e.ChapterViii = o.ChapterViii;
            e.HeadquartersIso3 = o.HeadquartersIso3; e.Established = o.Established; e.EstablishedPrecision = o.EstablishedPrecision;
            e.Dissolved = o.Dissolved; e.DissolvedPrecision = o.DissolvedPrecision; e.SeedRefs = o.SeedRefs;
        }
        foreach (var row in rows)
        {
            var o = byCode[row.Organization.Code];
            if (o.Version != 0) continue;
            o.PredecessorId = row.PredecessorCode is { } p ? Lookup(byCode, p, row, "predecessor_code").Id : null;
            o.ParentId = row.ParentCode is { } pc ? Lookup(byCode, pc, row, "parent_code").Id : null;
        }
        db.AuditNextSaveAsBatch("ReferenceData", ReferenceData.Organizations, $"{{\"added\":{added}}}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The taxonomy: new areas are added and shipped labels refreshed; areas added by partners stay.</summary>
    private static async Task<int> SeedAreasAsync(InterlockDbContext db, CancellationToken ct)
    {
        var existing = await db.Areas.ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        var rows = ReferenceData.ReadAreas();
        var added = 0;
        var codes = rows.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var a in rows)
        {
            if (a.ParentCode is { } p && !codes.Contains(p))
                throw new FormatException($"{ReferenceData.Areas} line {a.SortOrder}, column parent_code: no area has code '{p}'.");
            if (!existing.TryGetValue(a.Code, out var e)) { db.Areas.Add(a); added++; continue; }
            e.ParentCode = a.ParentCode; e.Group = a.Group; e.NameEn = a.NameEn; e.NameFr = a.NameFr; e.Source = a.Source; e.SortOrder = a.SortOrder;
        }
        db.AuditNextSaveAsBatch("ReferenceData", ReferenceData.Areas, $"{{\"added\":{added}}}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Illustrative capabilities are added once; the organizations then own and edit them.</summary>
    private static async Task<int> SeedCapabilitiesAsync(InterlockDbContext db, CancellationToken ct)
    {
        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
        var areas = (await db.Areas.Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = (await db.Capabilities.Select(c => new { c.OwnerOrganizationId, c.AreaCode, c.Description }).ToListAsync(ct))
            .Select(c => (c.OwnerOrganizationId, c.AreaCode, c.Description)).ToHashSet();
        var added = 0;
        foreach (var row in ReferenceData.ReadCapabilities())
        {
            if (!orgs.TryGetValue(row.OrgCode, out var owner))
                throw new FormatException($"{ReferenceData.Capabilities} line {row.Line}, column org_code: no organization has code '{row.OrgCode}'.");
            if (!areas.Contains(row.Capability.AreaCode))
                throw new FormatException($"{ReferenceData.Capabilities} line {row.Line}, column area_code: no area has code '{row.Capability.AreaCode}'.");
            if (!existing.Add((owner, row.Capability.AreaCode, row.Capability.Description))) continue;
            row.Capability.OwnerOrganizationId = owner;
            db.Capabilities.Add(row.Capability);
            added++;
        }
        db.AuditNextSaveAsBatch("ReferenceData", ReferenceData.Capabilities, $"{{\"added\":{added}}}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static Organization Lookup(Dictionary<string, Organization> byCode, string code, ReferenceData.OrganizationRow row, string column) =>
        byCode.TryGetValue(code, out var o) ? o
            : throw new FormatException($"{ReferenceData.Organizations} line {row.Line}, column {column}: no organization has code '{code}'.");

    private static async Task<int> SeedMembershipsAsync(InterlockDbContext db, CancellationToken ct)
    {
        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var countries = (await db.Countries.Select(c => c.Iso3).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Memberships.ToListAsync(ct);
        var index = existing.ToDictionary(m => (m.OrganizationId, m.CountryIso3, m.Joined));
        var added = 0;
        foreach (var row in ReferenceData.ReadMemberships())
        {
            if (!orgs.TryGetValue(row.OrgCode, out var org))
                throw new FormatException($"{ReferenceData.Memberships} line {row.Line}, column org_code: no organization has code '{row.OrgCode}'.");
            if (!countries.Contains(row.Iso3))
                throw new FormatException($"{ReferenceData.Memberships} line {row.Line}, column iso3: '{row.Iso3}' is not in countries.csv.");
            if (index.TryGetValue((org.Id, row.Iso3, row.Joined), out var m))
            {
                if (org.Version != 0) continue;
                m.JoinedPrecision = row.JoinedPrecision; m.Left = row.Left; m.LeftPrecision = row.LeftPrecision; m.Note = row.Note;
                continue;
            }
            m = new Membership
            {
                OrganizationId = org.Id, CountryIso3 = row.Iso3, Joined = row.Joined, JoinedPrecision = row.JoinedPrecision,
                Left = row.Left, LeftPrecision = row.LeftPrecision, Note = row.Note,
            };
            db.Memberships.Add(m);
            index[(org.Id, row.Iso3, row.Joined)] = m;
            added++;
        }
        db.AuditNextSaveAsBatch("ReferenceData", ReferenceData.Memberships, $"{{\"added\":{added}}}");
        await db.SaveChangesAsync(ct);
        return added;
    }
}
