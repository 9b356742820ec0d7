using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Web.Components.Registry;

/// <summary>The organization form as posted: text as typed; <see cref="OrganizationWrites"/> (the API's own rules) checks and applies it.</summary>
public sealed class OrganizationInput
{
    public string? Code { get; set; }
    public string? NameEn { get; set; }
    public string? NameFr { get; set; }
    public string? Kind { get; set; }
    public bool ChapterViii { get; set; }
    public string? HeadquartersIso3 { get; set; }
    public string? Established { get; set; }
    public string? Dissolved { get; set; }
    public string? PredecessorCode { get; set; }
    public string? ParentCode { get; set; }
    public string? PeacebuildingUnit { get; set; }
    /// <summary>The version the form was loaded with: a save is refused when the entry has moved on since.</summary>
    public long Version { get; set; }

    public static OrganizationInput From(Organization o, IReadOnlyDictionary<Guid, string> codes) => new()
    {
        Code = o.Code, NameEn = o.NameEn, NameFr = o.NameFr, Kind = o.Kind.ToString(), ChapterViii = o.ChapterViii,
        HeadquartersIso3 = o.HeadquartersIso3,
        Established = o.Established is { } e ? PartialDate.Format(e, o.EstablishedPrecision) : null,
        Dissolved = o.Dissolved is { } d ? PartialDate.Format(d, o.DissolvedPrecision) : null,
        PredecessorCode = o.PredecessorId is { } p ? codes.GetValueOrDefault(p) : null,
        ParentCode = o.ParentId is { } pa ? codes.GetValueOrDefault(pa) : null,
        PeacebuildingUnit = o.PeacebuildingUnit, Version = o.Version,
    };

    public OrganizationKind? ParsedKind =>
        Enum.TryParse<OrganizationKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
}
