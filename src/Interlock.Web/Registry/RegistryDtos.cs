using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Web.Registry;

public sealed record CountryDto(string Iso3, string Iso2, string? M49, int? GwCode, string NameEn, string NameFr,
    string? RegionCode, string? Region, string? SubregionCode, string? Subregion, string? IntermediateCode, string? IntermediateRegion,
    UnStatus UnStatus, IReadOnlyList<string> Neighbours)
{
    public static CountryDto From(Country c) => new(c.Iso3, c.Iso2, c.M49, c.GwCode, c.NameEn, c.NameFr,
        c.RegionCode, c.RegionEn, c.SubregionCode, c.SubregionEn, c.IntermediateCode, c.IntermediateEn, c.UnStatus, c.Neighbours);
}

public sealed record MembershipDto(string Iso3, string? CountryName, string Joined, string? Left, string? Note)
{
    /// <summary>Names the period for PUT and DELETE /organizations/{code}/members/{id}.</summary>
    public Guid Id { get; init; }
    public bool Current { get; init; }
}

public sealed record OrganizationDto(Guid Id, string Code, string NameEn, string NameFr, OrganizationKind Kind, bool ChapterViii,
    string? HeadquartersIso3, string? Established, string? Dissolved, string? PredecessorCode, string? ParentCode, string? SeedRefs,
    int CurrentMemberCount, long Version)
{
    /// <summary>The unit that handles peacebuilding [2001 II.A].</summary>
    public string? PeacebuildingUnit { get; init; }
}

public sealed record OrganizationDetailDto(OrganizationDto Organization, IReadOnlyList<MembershipDto> Memberships);

/// <summary>
/// The fields an administrator may change in an organization's registry entry. A PUT replaces them all: a field left
/// out is cleared, so send back what GET returned with your change. Dates are "YYYY" or "YYYY-MM-DD".
/// </summary>
public sealed record OrganizationUpdate(string NameEn, string NameFr, OrganizationKind Kind, bool ChapterViii, string? HeadquartersIso3,
    string? Established = null, string? Dissolved = null, string? PredecessorCode = null, string? ParentCode = null, string? PeacebuildingUnit = null);

/// <summary>A new organization in the registry (the secretariat's Administrator only).</summary>
public sealed record OrganizationCreate(string Code, string NameEn, string NameFr, OrganizationKind? Kind, bool ChapterViii, string? HeadquartersIso3,
    string? Established = null, string? Dissolved = null, string? PredecessorCode = null, string? ParentCode = null, string? PeacebuildingUnit = null);

/// <summary>One membership period; dates are "YYYY" or "YYYY-MM-DD", a join date not known is "".</summary>
public sealed record MembershipWrite(string? Iso3, string? Joined, string? Left = null, string? Note = null);

public sealed record SharingAgreementDto(Guid Id, string Title, Guid OwnerOrganizationId, Classification Classification,
    IReadOnlyList<string> DataCategories, Classification Ceiling, DateOnly ValidFrom, DateOnly? ValidTo, string? DocumentReference,
    IReadOnlyList<SharingPartyDto> Parties, bool InForceToday, long Version)
{
    public static SharingAgreementDto From(SharingAgreement a, IReadOnlyDictionary<Guid, string> codes, DateOnly today) => new(
        a.Id, a.Title, a.OwnerOrganizationId, a.Classification, a.DataCategories, a.Ceiling, a.ValidFrom, a.ValidTo, a.DocumentReference,
        a.Parties.Select(p => new SharingPartyDto(codes.GetValueOrDefault(p.OrganizationId, "?"), p.ConfirmedAt)).ToList(),
        a.InForceOn(today), a.Version);
}

public sealed record SharingPartyDto(string Organization, DateTimeOffset? ConfirmedAt);

public sealed record SharingAgreementCreate(string Title, IReadOnlyList<string> Parties, IReadOnlyList<string>? DataCategories,
    Classification Ceiling, DateOnly ValidFrom, DateOnly? ValidTo, string? DocumentReference, Classification? Classification);

public sealed record SharingAgreementEnd(DateOnly ValidTo);
