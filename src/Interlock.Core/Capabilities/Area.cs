namespace Interlock.Capabilities;

/// <summary>Which part of the shared taxonomy an area belongs to.</summary>
public enum AreaGroup
{
    /// <summary>The prevention continuum [1998 §4].</summary>
    PreventionContinuum,
    /// <summary>The five key peacebuilding areas [2001 I].</summary>
    Peacebuilding,
    /// <summary>The other areas of the brief [2005 §5] and humanitarian relief.</summary>
    Other,
}

/// <summary>
/// An area of the shared taxonomy (data/reference/areas.csv), used by capabilities, needs, engagements,
/// staff officers and lessons learned alike: data, not an enum, so partners can extend it.
/// </summary>
public sealed class Area
{
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public AreaGroup Group { get; set; }
    public required string NameEn { get; set; }
    public required string NameFr { get; set; }
    public string? Source { get; set; }
    public int SortOrder { get; set; }

    public string Name(bool french) => french ? NameFr : NameEn;
}
