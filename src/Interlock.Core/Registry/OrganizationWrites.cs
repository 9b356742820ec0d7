using Interlock.Data;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry;

/// <summary>The editable fields of an organization, applied the same way on create and on update.</summary>
public static class OrganizationWrites
{
    /// <summary>The checks only a new organization passes: a well-formed code not taken yet, and a kind.</summary>
    public static async Task<ValidationErrors> ValidateNewAsync(Organization org, OrganizationKind? kind, InterlockDbContext db, CancellationToken ct)
    {
        var errors = OrganizationRules.ValidateCode(org.Code).Require(kind is not null, "kind", "The kind of organization is required.");
        if (errors.IsEmpty && await db.Organizations.AnyAsync(o => o.Code == org.Code, ct))
            errors.Add("code", $"An organization with code '{org.Code}' already exists.");
        return errors;
    }

    /// <summary>Validates the fields and, when all are valid, applies them to <paramref name="org"/>.</summary>
    public static async Task<ValidationErrors> ApplyAsync(Organization org, string? nameEn, string? nameFr, OrganizationKind kind, bool chapterViii,
        string? headquartersIso3, string? established, string? dissolved, string? predecessorCode, string? parentCode, string? peacebuildingUnit,
        InterlockDbContext db, CancellationToken ct)
    {
        var errors = OrganizationRules.ValidateNames(nameEn, nameFr);
        var hq = string.IsNullOrWhiteSpace(headquartersIso3) ? null : headquartersIso3.Trim().ToUpperInvariant();
        if (hq is not null && !await db.Countries.AnyAsync(c => c.Iso3 == hq, ct))
            errors.Add("headquartersIso3", $"'{headquartersIso3}' is not an ISO 3166 alpha-3 code of a known country.");

        var links = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.PredecessorId, o.ParentId }).ToListAsync(ct);
        Guid? Resolve(string? code, string field)
        {
            if (string.IsNullOrWhiteSpace(code)) return null;
            var found = links.FirstOrDefault(l => l.Code == code.Trim());
            if (found is null) errors.Add(field, $"No organization has code '{code}'.");
            return found?.Id;
        }
        var predecessorId = Resolve(predecessorCode, "predecessorCode");
        var parentId = Resolve(parentCode, "parentCode");
        errors.Merge(OrganizationRules.ValidateLinks(org.Id, predecessorId, parentId,
            links.ToDictionary(l => l.Id, l => (l.PredecessorId, l.ParentId))));
        if (peacebuildingUnit?.Trim().Length > 300) errors.Add("peacebuildingUnit", "At most 300 characters.");

        // Parsed into a scratch record, so that nothing reaches the real one unless every field is valid.
        var dates = new Organization { Code = org.Code, NameEn = "", NameFr = "" };
        errors.Merge(OrganizationRules.ApplyDates(dates, established, dissolved));
        if (!errors.IsEmpty) return errors;

        org.NameEn = nameEn!.Trim();
        org.NameFr = nameFr!.Trim();
        org.Kind = kind;
        org.ChapterViii = chapterViii;
        org.HeadquartersIso3 = hq;
        org.PredecessorId = predecessorId;
        org.ParentId = parentId;
        (org.Established, org.EstablishedPrecision, org.Dissolved, org.DissolvedPrecision) =
            (dates.Established, dates.EstablishedPrecision, dates.Dissolved, dates.DissolvedPrecision);
        org.PeacebuildingUnit = string.IsNullOrWhiteSpace(peacebuildingUnit) ? null : peacebuildingUnit.Trim();
        return errors;
    }
}
