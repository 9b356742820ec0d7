using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>The editable fields of a need, as the API, the pages and the CSV import give them.</summary>
public sealed record NeedFields(string? AreaCode, NeedPriority? Priority, string? CountryIso3, string? Admin1, DateOnly? StartOn,
    DateOnly? EndOn = null, int? NeededWithinDays = null, string? Notes = null);

/// <summary>Validates a need's fields against the rules and the reference data, and applies them only when all are valid.</summary>
public static class NeedWrites
{
    public static async Task<ValidationErrors> ApplyAsync(Need target, NeedFields body, Classification classification,
        InterlockDbContext db, CancellationToken ct)
    {
        var area = body.AreaCode?.Trim();
        var iso3 = body.CountryIso3?.Trim().ToUpperInvariant();
        var areaKnown = area is not null && await db.Areas.AnyAsync(a => a.Code == area, ct);
        var countryKnown = iso3 is not null && await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct);
        var errors = new ValidationErrors()
            .Require(body.Priority is not null, "priority", "A priority is required.")
            .Require(body.StartOn is not null, "startOn", "A start date is required.")
            .Require((body.Notes?.Length ?? 0) <= 4000, "notes", "At most 4000 characters.")
            .Require((body.Admin1?.Length ?? 0) <= 200, "admin1", "At most 200 characters.");
        errors.Merge(Need.Validate(area, areaKnown, iso3, countryKnown, body.StartOn ?? Need.EarliestDate, body.EndOn, body.NeededWithinDays));
        if (!errors.IsEmpty) return errors;

        target.Classification = classification;
        target.AreaCode = area!;
        target.Priority = body.Priority!.Value;
        target.CountryIso3 = iso3!;
        target.Admin1 = Blank(body.Admin1);
        target.StartOn = body.StartOn!.Value;
        target.EndOn = body.EndOn;
        target.NeededWithinDays = body.NeededWithinDays;
        target.Notes = Blank(body.Notes);
        return errors;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
