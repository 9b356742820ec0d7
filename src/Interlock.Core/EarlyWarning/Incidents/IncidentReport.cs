using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Incidents;

public enum VerificationStatus { Unverified, Verified, Disputed }

/// <summary>
/// A field incident report, as the regional early-warning systems collect them. It feeds the event store as a
/// <see cref="ConflictEvent"/> of the dataset <c>incident</c>, so the series and indicators count it like an imported
/// event. The exact coordinates are kept here; everyone outside the owning organization sees them only at
/// <see cref="Precision"/> (see <see cref="ReportedLocation"/>), and the event store holds only the reduced ones.
/// </summary>
public sealed class IncidentReport : IClassified, IVersioned
{
    public static string Category => Categories.IncidentReport;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public DateOnly Date { get; set; }
    public required string CountryIso3 { get; set; }
    public string? Admin1 { get; set; }
    /// <summary>The locality as the report names it.</summary>
    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public CoordinatePrecision Precision { get; set; }
    public ViolenceType ViolenceType { get; set; }
    /// <summary>What happened in the reporter's words, e.g. "attack on a village market".</summary>
    public required string IncidentType { get; set; }
    public string? SideA { get; set; }
    public string? SideB { get; set; }
    public int Fatalities { get; set; }
    public required string Source { get; set; }
    public string? Description { get; set; }
    public VerificationStatus Verification { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>The event-store row this report writes.</summary>
    public long? EventId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The coordinates as <paramref name="viewerOrganization"/> may see them: exact for the owner, reduced for everyone else.</summary>
    public (double? Latitude, double? Longitude, CoordinatePrecision Precision) LocationFor(Guid? viewerOrganization) =>
        viewerOrganization == OwnerOrganizationId
            ? (Latitude, Longitude, CoordinatePrecision.Exact)
            : ReportedLocation.Reduce(Latitude, Longitude, Precision);
}
