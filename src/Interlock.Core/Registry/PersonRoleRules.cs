using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>What each kind of role needs, and how a term may end.</summary>
public static class PersonRoleRules
{
    public static ValidationErrors Validate(PersonRoleKind kind, FocalPointPurpose? purpose, string? countryIso3, string? regionCode,
        string? areaCode, DateOnly start, DateOnly? end)
    {
        var errors = new ValidationErrors();
        if (kind == PersonRoleKind.FocalPoint)
            errors.Require(purpose is not null, "purpose", "A focal point is designated for a purpose, e.g. earlyWarning.");
        else
            errors.Require(purpose is null, "purpose", "Only focal points have a purpose.");
        if (kind == PersonRoleKind.StaffOfficer)
        {
            errors.Require(!string.IsNullOrWhiteSpace(countryIso3) || !string.IsNullOrWhiteSpace(regionCode), "countryIso3",
                "A staff officer covers a country (countryIso3) or an M49 region (regionCode).");
            errors.Require(!string.IsNullOrWhiteSpace(areaCode), "areaCode", "A staff officer covers a functional area of the taxonomy.");
        }
        else
        {
            errors.Require(countryIso3 is null, "countryIso3", "Only staff officers cover a country.");
            errors.Require(regionCode is null, "regionCode", "Only staff officers cover a region.");
            errors.Require(areaCode is null, "areaCode", "Only staff officers cover a functional area.");
        }
        errors.Require(end is null || end > start, "end", "A term ends after the day it starts.");
        return errors;
    }

    /// <summary>
    /// Checks a new end (or none) for <paramref name="role"/>. A liaison official's term may not reach into the
    /// term of a successor already named: there is never more than one.
    /// </summary>
    public static ValidationErrors ValidateEnd(PersonRole role, DateOnly? end, IEnumerable<PersonRole> organizationRoles)
    {
        var errors = new ValidationErrors();
        if (end is { } e && e <= role.Start)
            return errors.Add("end", "A term ends after the day it starts.");
        if (role.Kind != PersonRoleKind.LiaisonOfficial) return errors;
        var successor = organizationRoles
            .Where(r => r.Id != role.Id && r.OrganizationId == role.OrganizationId && r.Kind == PersonRoleKind.LiaisonOfficial && r.Start > role.Start)
            .OrderBy(r => r.Start).FirstOrDefault();
        if (successor is not null && (end is null || end > successor.Start))
            errors.Add("end", $"A successor's term starts on {successor.Start:yyyy-MM-dd}: this term must end on or before that day.");
        return errors;
    }
}
