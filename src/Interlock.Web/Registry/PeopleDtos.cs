using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Web.Registry;

public sealed record PersonRoleDto(Guid Id, PersonRoleKind Kind, FocalPointPurpose? Purpose, string? CountryIso3, string? RegionCode,
    string? AreaCode, DateOnly Start, DateOnly? End, bool Current)
{
    public static PersonRoleDto From(PersonRole r, DateOnly today) =>
        new(r.Id, r.Kind, r.Purpose, r.CountryIso3, r.RegionCode, r.AreaCode, r.Start, r.End, r.IsCurrent(today));
}

/// <summary>A person and their roles. Email, phone and address are personal data, shown only to those the policy lets read the record.</summary>
public sealed record PersonDto(Guid Id, string Organization, Classification Classification, string FullName, string? JobTitle,
    IReadOnlyList<string> Languages, string? Email, string? Phone, string? Address, IReadOnlyList<PersonRoleDto> Roles, long Version)
{
    public static PersonDto From(Person p, IReadOnlyDictionary<Guid, string> codes, DateOnly today) => new(
        p.Id, codes.GetValueOrDefault(p.OwnerOrganizationId, "?"), p.Classification, p.FullName, p.JobTitle, p.Languages,
        p.Email, p.Phone, p.Address, p.Roles.OrderBy(r => r.Start).ThenBy(r => r.Kind).Select(r => PersonRoleDto.From(r, today)).ToList(),
        p.Version);
}

/// <summary>A person of the caller's own organization. Classification is Partners unless given, never Public.</summary>
public sealed record PersonWrite(string? FullName, Classification? Classification = null, string? JobTitle = null,
    IReadOnlyList<string>? Languages = null, string? Email = null, string? Phone = null, string? Address = null)
{
    public PersonFields ToFields() => new(FullName, JobTitle, Languages, Email, Phone, Address);
}

/// <summary>
/// A role from <see cref="Start"/>; terms are half-open (the end day is the first day without the role).
/// A focal point names its purpose; a staff officer a country or M49 region and an area of the taxonomy.
/// </summary>
public sealed record PersonRoleCreate(PersonRoleKind? Kind, DateOnly? Start, DateOnly? End = null, FocalPointPurpose? Purpose = null,
    string? CountryIso3 = null, string? RegionCode = null, string? AreaCode = null)
{
    public PersonRoleFields ToFields() => new(Kind, Start, End, Purpose, CountryIso3, RegionCode, AreaCode);
}

/// <summary>Ends a term (or, with null, reopens it).</summary>
public sealed record PersonRoleUpdate(DateOnly? End);
