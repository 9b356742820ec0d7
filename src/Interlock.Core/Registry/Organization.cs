using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>Kinds of organization, as the brief distinguishes them ([2005 §7] for the Chapter VIII distinction).</summary>
public enum OrganizationKind
{
    UnitedNations,
    UnPrincipalOrgan,
    SecretariatDepartment,
    AgencyFundProgramme,
    RegionalCommission,
    RegionalArrangement,
    SubregionalOrganization,
    OtherIntergovernmental,
}

/// <summary>A partner organization. Its registry entry is public and owned by itself.</summary>
public sealed class Organization : IClassified, IVersioned
{
    public static string Category => Categories.Organization;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameFr { get; set; }
    public OrganizationKind Kind { get; set; }
    /// <summary>Acts as a regional arrangement under Chapter VIII of the Charter.</summary>
    public bool ChapterViii { get; set; }
    public string? HeadquartersIso3 { get; set; }
    public DateOnly? Established { get; set; }
    public DatePrecision EstablishedPrecision { get; set; }
    public DateOnly? Dissolved { get; set; }
    public DatePrecision DissolvedPrecision { get; set; }
    public Guid? PredecessorId { get; set; }
    public Organization? Predecessor { get; set; }
    public Guid? ParentId { get; set; }
    public Organization? Parent { get; set; }
    /// <summary>Where the seed documents name it, e.g. "2001 Annex III; 2005 §11".</summary>
    public string? SeedRefs { get; set; }
    /// <summary>The unit that handles peacebuilding, for the peacebuilding units' network [2001 II.A].</summary>
    public string? PeacebuildingUnit { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public long Version { get; set; }

    public Guid OwnerOrganizationId => Id;
    public Classification Classification { get; set; } = Classification.Public;

    public string Name(bool french) => french ? NameFr : NameEn;
    public bool IsActive(DateOnly on) => Dissolved is null || Dissolved >= on;
}
