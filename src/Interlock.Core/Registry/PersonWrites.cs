using Interlock.Data;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry;

/// <summary>The editable fields of a person, as the API, the pages and the CSV import give them.</summary>
public sealed record PersonFields(string? FullName, string? JobTitle = null, IReadOnlyList<string>? Languages = null, string? Email = null,
    string? Phone = null, string? Address = null);

/// <summary>The checks a person's record and a role's references pass, shared by every way of writing them.</summary>
public static class PersonWrites
{
    public static ValidationErrors Validate(PersonFields body, Classification classification)
    {
        var email = Blank(body.Email);
        var errors = Person.Validate(body.FullName, classification, body.Languages ?? [], email)
            .Require((body.FullName?.Trim().Length ?? 0) <= 200, "fullName", "At most 200 characters.");
        foreach (var (field, value) in new[] { ("jobTitle", body.JobTitle), ("email", email), ("phone", body.Phone), ("address", body.Address) })
            errors.Require((value?.Length ?? 0) <= 500, field, "At most 500 characters.");
        return errors;
    }

    /// <summary>Applies fields that passed <see cref="Validate"/>.</summary>
    public static void Apply(Person person, PersonFields body, Classification classification)
    {
        person.FullName = body.FullName!.Trim();
        person.Classification = classification;
        person.JobTitle = Blank(body.JobTitle);
        var languages = (body.Languages ?? []).Distinct().ToList();
        // Keep the same list when nothing changed, so that an unchanged import leaves the record unchanged.
        if (!languages.SequenceEqual(person.Languages)) person.Languages = languages;
        person.Email = Blank(body.Email);
        person.Phone = Blank(body.Phone);
        person.Address = Blank(body.Address);
    }

    /// <summary>A staff officer's country, region and functional area must exist in the reference data.</summary>
    public static async Task CheckRoleReferencesAsync(ValidationErrors errors, string? country, string? region, string? area, InterlockDbContext db,
        CancellationToken ct)
    {
        if (country is not null && !await db.Countries.AnyAsync(c => c.Iso3 == country, ct))
            errors.Add("countryIso3", $"'{country}' is not an ISO 3166 alpha-3 code of a known state.");
        if (region is not null && !await db.Countries.AnyAsync(c => c.RegionCode == region || c.SubregionCode == region || c.IntermediateCode == region, ct))
            errors.Add("regionCode", $"'{region}' is not an M49 region, sub-region or intermediate region code.");
        if (area is not null && !await db.Areas.AnyAsync(a => a.Code == area, ct))
            errors.Add("areaCode", $"'{area}' is not an area of the taxonomy (see /api/v1/areas).");
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
