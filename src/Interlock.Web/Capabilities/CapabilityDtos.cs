using Interlock.Capabilities;
using Interlock.Shared;

namespace Interlock.Web.Capabilities;

public sealed record AreaDto(string Code, string? ParentCode, AreaGroup Group, string NameEn, string NameFr, string? Source, IReadOnlyList<string> Children);

public sealed record CapabilityDto(Guid Id, string Organization, string OrganizationNameEn, string OrganizationNameFr, Classification Classification,
    string AreaCode, string AreaNameEn, string AreaNameFr, string Description, bool Global, IReadOnlyList<string> ScopeCountries,
    IReadOnlyList<string> ScopeRegions, int? Personnel, BudgetBand Budget, string? Assets, int ReadinessDays, string? MandateBasis,
    Guid? ContactPersonId, DateOnly LastVerified, bool Stale, bool Illustrative, long Version);

/// <summary>
/// A capability of the caller's own organization. Scope: <see cref="Global"/>, or ISO 3166 alpha-3 countries and/or
/// M49 region codes. The contact must be a person of the same organization.
/// </summary>
public sealed record CapabilityWrite(string? AreaCode, string? Description, int? ReadinessDays, DateOnly? LastVerified,
    Classification? Classification = null, bool Global = false, IReadOnlyList<string>? ScopeCountries = null,
    IReadOnlyList<string>? ScopeRegions = null, int? Personnel = null, BudgetBand? Budget = null, string? Assets = null,
    string? MandateBasis = null, Guid? ContactPersonId = null, bool Illustrative = false)
{
    public CapabilityFields ToFields() => new(AreaCode, Description, ReadinessDays, LastVerified, Global, ScopeCountries, ScopeRegions, Personnel,
        Budget, Assets, MandateBasis, ContactPersonId, Illustrative);
}

/// <summary>One answer to "who can provide this area here within N days", in rank order, with why it matched.</summary>
public sealed record CapabilityMatchDto(int Rank, Guid CapabilityId, string OrganizationCode, string OrganizationNameEn, string OrganizationNameFr,
    string AreaCode, string AreaNameEn, string AreaNameFr, string Description, int ReadinessDays, bool Stale, bool Illustrative, DateOnly LastVerified,
    IReadOnlyList<string> Reasons);
