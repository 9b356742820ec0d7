using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>
/// A state's membership of an organization for one period; a state that left and rejoined has two.
/// Part of the organization's public registry entry: writes are decided on the organization's label.
/// </summary>
public sealed class Membership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string CountryIso3 { get; set; }
    public Country? Country { get; set; }
    public DateOnly Joined { get; set; }
    public DatePrecision JoinedPrecision { get; set; }
    public DateOnly? Left { get; set; }
    public DatePrecision LeftPrecision { get; set; }
    public string? Note { get; set; }

    /// <summary>Periods are half-open: a state that left on a day is no longer a member that day.</summary>
    public bool IsCurrent(DateOnly on) => Joined <= on && (Left is null || on < Left);

    /// <summary>Two periods of the same state in the same organization may not overlap; rejoining on the day of leaving is fine.</summary>
    public bool Overlaps(Membership other) =>
        other.OrganizationId == OrganizationId &&
        string.Equals(other.CountryIso3, CountryIso3, StringComparison.Ordinal) &&
        Joined < (other.Left ?? DateOnly.MaxValue) &&
        other.Joined < (Left ?? DateOnly.MaxValue);
}
