using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>The editable fields of an engagement, as the API, the pages and the 3W import give them.</summary>
public sealed record EngagementFields(Guid? OrganizationId, string? AreaCode, string? CountryIso3, DateOnly? StartOn,
    CooperationForm? Form, EngagementRole? Role, EngagementStatus? Status, DateOnly? EndOn = null, string? Admin1 = null,
    string? Activity = null, Guid? SituationId = null, MandateKind MandateKind = MandateKind.None, string? MandateReference = null);

/// <summary>Validates an engagement's fields against the rules and the reference data, and applies them only when all are valid.</summary>
public static class EngagementWrites
{
    public static async Task<ValidationErrors> ApplyAsync(Engagement target, EngagementFields body, Classification classification,
        InterlockDbContext db, CancellationToken ct)
    {
        var area = body.AreaCode?.Trim();
        var iso3 = body.CountryIso3?.Trim().ToUpperInvariant();
        var areaKnown = area is not null && await db.Areas.AnyAsync(a => a.Code == area, ct);
        var countryKnown = iso3 is not null && await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct);
        var errors = new ValidationErrors()
            .Require(body.OrganizationId is { } org && await db.Organizations.AnyAsync(o => o.Id == org, ct), "organization", "A known organization is required.")
            .Require(body.Form is not null, "form", "One of the five forms of cooperation is required.")
            .Require(body.Role is not null, "role", "A role (lead, co-lead or support) is required.")
            .Require(body.Status is not null, "status", "A status (planned, active or completed) is required.")
            .Require(body.StartOn is not null, "startOn", "A start date is required.")
            .Require((body.Activity?.Length ?? 0) <= 500, "activity", "At most 500 characters.")
            .Require((body.Admin1?.Length ?? 0) <= 200, "admin1", "At most 200 characters.");
        errors.Merge(Engagement.Validate(area, areaKnown, iso3, countryKnown, body.StartOn ?? Need.EarliestDate, body.EndOn,
            body.MandateKind, body.MandateReference));
        if (body.SituationId is { } situationId)
        {
            var situationCountry = await db.Situations.Where(s => s.Id == situationId).Select(s => s.CountryIso3).FirstOrDefaultAsync(ct);
            errors.Require(situationCountry is not null, "situationId", "No such situation.");
            errors.Require(situationCountry is null || situationCountry == iso3, "countryIso3", "Must be the country of the situation.");
        }
        if (!errors.IsEmpty) return errors;

        target.Classification = classification;
        target.OrganizationId = body.OrganizationId!.Value;
        target.AreaCode = area!;
        target.CountryIso3 = iso3!;
        target.Admin1 = NeedWrites.Blank(body.Admin1);
        target.StartOn = body.StartOn!.Value;
        target.EndOn = body.EndOn;
        target.Form = body.Form!.Value;
        target.Role = body.Role!.Value;
        target.Status = body.Status!.Value;
        target.Activity = NeedWrites.Blank(body.Activity);
        target.SituationId = body.SituationId;
        target.MandateKind = body.MandateKind;
        target.MandateReference = body.MandateKind == MandateKind.None ? null : NeedWrites.Blank(body.MandateReference);
        return errors;
    }
}
