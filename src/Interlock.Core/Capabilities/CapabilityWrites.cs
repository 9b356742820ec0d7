using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Capabilities;

/// <summary>The editable fields of a capability, as the API, the pages and the CSV import give them.</summary>
public sealed record CapabilityFields(string? AreaCode, string? Description, int? ReadinessDays, DateOnly? LastVerified, bool Global = false,
    IReadOnlyList<string>? ScopeCountries = null, IReadOnlyList<string>? ScopeRegions = null, int? Personnel = null, BudgetBand? Budget = null,
    string? Assets = null, string? MandateBasis = null, Guid? ContactPersonId = null, bool Illustrative = false);

/// <summary>Validates a capability's fields against the rules and the reference data, and applies them only when all are valid.</summary>
public static class CapabilityWrites
{
    public static async Task<ValidationErrors> ApplyAsync(Capability target, CapabilityFields body, Classification classification,
        InterlockDbContext db, DateOnly today, CancellationToken ct)
    {
        var areaCode = body.AreaCode?.Trim();
        var areaKnown = areaCode is not null && await db.Areas.AnyAsync(a => a.Code == areaCode, ct);
        var countries = (body.ScopeCountries ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var regions = (body.ScopeRegions ?? []).Select(r => r.Trim()).Distinct().ToList();
        var errors = new ValidationErrors()
            .Require(body.ReadinessDays is not null, "readinessDays", "Days from decision to deployment are required.")
            .Require(body.LastVerified is not null, "lastVerified", "The date the entry was last verified is required.");
        errors.Merge(Capability.Validate(areaCode, areaKnown, body.Description, body.Global, countries, regions, body.ReadinessDays ?? 0,
            body.Personnel, body.LastVerified ?? today, today));

        var knownCountries = await db.Countries.Where(c => countries.Contains(c.Iso3)).Select(c => c.Iso3).ToListAsync(ct);
        foreach (var unknown in countries.Except(knownCountries))
            errors.Add("scopeCountries", $"'{unknown}' is not an ISO 3166 alpha-3 code of a known state.");
        if (regions.Count > 0)
        {
            var regionNames = M49Regions.Names(await db.Countries.AsNoTracking().ToListAsync(ct));
            foreach (var unknown in regions.Where(r => !regionNames.ContainsKey(r)))
                errors.Add("scopeRegions", $"'{unknown}' is not an M49 region, sub-region or intermediate region code.");
        }
        if (body.ContactPersonId is { } contact &&
            !await db.People.AnyAsync(p => p.Id == contact && p.OwnerOrganizationId == target.OwnerOrganizationId, ct))
            errors.Add("contactPersonId", "The contact must be a person of the organization that owns the capability.");
        if ((body.Description?.Length ?? 0) > 4000) errors.Add("description", "At most 4000 characters.");
        if (!errors.IsEmpty) return errors;

        target.Classification = classification;
        target.AreaCode = areaCode!;
        target.Description = body.Description!.Trim();
        target.Global = body.Global;
        target.ScopeCountries = countries;
        target.ScopeRegions = regions;
        target.Personnel = body.Personnel;
        target.Budget = body.Budget ?? BudgetBand.Unknown;
        target.Assets = string.IsNullOrWhiteSpace(body.Assets) ? null : body.Assets.Trim();
        target.ReadinessDays = body.ReadinessDays!.Value;
        target.MandateBasis = string.IsNullOrWhiteSpace(body.MandateBasis) ? null : body.MandateBasis.Trim();
        target.ContactPersonId = body.ContactPersonId;
        target.LastVerified = body.LastVerified!.Value;
        target.Illustrative = body.Illustrative;
        return errors;
    }
}
