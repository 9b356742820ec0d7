namespace Interlock.Registry;

public enum PersonRoleKind
{
    /// <summary>The high-level liaison official: exactly one current per organization [2005 §7].</summary>
    LiaisonOfficial,
    /// <summary>A focal point for an operational purpose [2001 II.C].</summary>
    FocalPoint,
    /// <summary>A staff officer by country or region and functional area [2001 II.A].</summary>
    StaffOfficer,
}

/// <summary>The operational purposes for which organizations designate focal points [2001 II.C].</summary>
public enum FocalPointPurpose
{
    EarlyWarning,
    PeaceSettlements,
    Mainstreaming,
    DivisionOfLabour,
    CoordinationOfOperations,
    Dissemination,
    ResourceMobilization,
}

/// <summary>
/// A role a person holds for their organization over a term. Terms are half-open: a term that ends on a day
/// is over that day, so the successor named on that day is the only one current.
/// </summary>
public sealed class PersonRole
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid OrganizationId { get; set; }
    public PersonRoleKind Kind { get; set; }
    public FocalPointPurpose? Purpose { get; set; }
    /// <summary>For staff officers: the country (ISO 3166 alpha-3) or M49 region they cover.</summary>
    public string? CountryIso3 { get; set; }
    public string? RegionCode { get; set; }
    /// <summary>For staff officers: the functional area, a code of the shared taxonomy.</summary>
    public string? AreaCode { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }

    public bool IsCurrent(DateOnly day) => Start <= day && (End is null || day < End);
}
