namespace Interlock.Registry;

public enum UnStatus { Member, Observer, Other }

/// <summary>A state, with the codes every exchange format uses (ISO 3166, UN M49, Gleditsch–Ward) and its land neighbours.</summary>
public sealed class Country
{
    public required string Iso3 { get; set; }
    public required string Iso2 { get; set; }
    public string? M49 { get; set; }
    public int? GwCode { get; set; }
    public required string NameEn { get; set; }
    public required string NameFr { get; set; }
    public string? RegionCode { get; set; }
    public string? RegionEn { get; set; }
    public string? RegionFr { get; set; }
    public string? SubregionCode { get; set; }
    public string? SubregionEn { get; set; }
    public string? SubregionFr { get; set; }
    public string? IntermediateCode { get; set; }
    public string? IntermediateEn { get; set; }
    public string? IntermediateFr { get; set; }
    public UnStatus UnStatus { get; set; }
    public List<string> Neighbours { get; set; } = [];

    public string Name(bool french) => french ? NameFr : NameEn;
    public string? Region(bool french) => french ? RegionFr : RegionEn;
    public string? Subregion(bool french) => french ? (IntermediateFr ?? SubregionFr) : (IntermediateEn ?? SubregionEn);
}
