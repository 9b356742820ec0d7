using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning;

/// <summary>UCDP's types of organized violence, plus <see cref="Other"/> for ACLED events that are not organized violence.</summary>
public enum ViolenceType : byte
{
    /// <summary>UCDP type 1: armed force between two organized actors of which at least one is a state government.</summary>
    StateBased = 1,
    /// <summary>UCDP type 2: armed force between organized groups, none of which is a government.</summary>
    NonState = 2,
    /// <summary>UCDP type 3: an organized actor (government or group) against civilians.</summary>
    OneSided = 3,
    /// <summary>Not organized violence: protests, riots, strategic developments (ACLED).</summary>
    Other = 4,
}

/// <summary>The event datasets the store holds; an event is unique by dataset and the dataset's own event id.</summary>
public static class EventDatasets
{
    public const string UcdpGed = "ucdp-ged";
    public const string Acled = "acled";
    /// <summary>Field incident reports submitted by organizations (later: the observations module).</summary>
    public const string Incident = "incident";
    /// <summary>A reference country-month series, not events: VIEWS' state-based fatalities (ged_sb) per country and month.</summary>
    public const string ViewsGedSb = "views-ged-sb";

    public static readonly string[] EventSets = [UcdpGed, Acled, Incident];

    public static bool IsEventDataset(string? name) => name is not null && EventSets.Contains(name, StringComparer.Ordinal);
}

/// <summary>
/// One conflict event, narrow on purpose: the store holds millions, and the country-month series is computed from
/// (country, date, type, fatalities, admin1). The full source row stays in the source file; what is kept here is
/// what the exchange and the indicators need. <see cref="Id"/> is a plain sequence number (a rowid on SQLite):
/// a 16-byte identifier per row would double the table and its indexes for no use.
/// </summary>
public sealed class ConflictEvent : IClassified
{
    public static string Category => Categories.ConflictEvent;

    public long Id { get; set; }
    /// <summary>The policy's record identifier, derived from <see cref="Id"/> (events are addressed by number).</summary>
    Guid IClassified.Id => PolicyId(Id);

    public required string Dataset { get; set; }
    /// <summary>The dataset's own identifier: GED <c>id</c>, ACLED <c>event_id_cnty</c>.</summary>
    public required string SourceEventId { get; set; }
    public required string CountryIso3 { get; set; }
    public string? Admin1 { get; set; }
    public DateOnly DateStart { get; set; }
    public DateOnly DateEnd { get; set; }
    public ViolenceType ViolenceType { get; set; }
    public int Best { get; set; }
    public int Low { get; set; }
    public int High { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>GED side_a / ACLED actor1.</summary>
    public string? SideA { get; set; }
    /// <summary>GED side_b / ACLED actor2.</summary>
    public string? SideB { get; set; }
    /// <summary>The import that inserted or last changed this event.</summary>
    public long ImportBatchId { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }

    public static Guid PolicyId(long id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes[8..], id);
        return new Guid(bytes);
    }
}
