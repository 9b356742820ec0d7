using Interlock.Security;
using Interlock.Shared;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// Something a situation needs done: an area of the taxonomy, in a country or one of its first-level areas, over a
/// period, with a priority. Engagements cover needs; the division-of-labour rules find who overlaps and what is left.
/// </summary>
public sealed class Need : IClassified, IVersioned
{
    public static string Category => Categories.Need;
    public static readonly DateOnly EarliestDate = new(1945, 10, 24);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public Guid SituationId { get; set; }
    public required string AreaCode { get; set; }
    public NeedPriority Priority { get; set; }
    /// <summary>Days within which help must be on the ground; compared with a capability's readiness.</summary>
    public int? NeededWithinDays { get; set; }
    public required string CountryIso3 { get; set; }
    /// <summary>A first-level area as the event data names it; null for the whole country.</summary>
    public string? Admin1 { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? Notes { get; set; }

    /// <summary>The division of labour the parties agreed for this need: who leads. It settles an overlap.</summary>
    public Guid? AgreedLeadOrganizationId { get; set; }
    public DateOnly? AgreedLeadOn { get; set; }
    public string? AgreedLeadNote { get; set; }
    /// <summary>The meetings-module decision that records the agreement, when it was taken at a meeting.</summary>
    public Guid? AgreedLeadDecisionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public Period Period => new(StartOn, EndOn);

    public static ValidationErrors Validate(string? areaCode, bool areaKnown, string? countryIso3, bool countryKnown,
        DateOnly startOn, DateOnly? endOn, int? neededWithinDays)
    {
        return new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(areaCode) && areaKnown, "areaCode", $"'{areaCode}' is not an area of the taxonomy.")
            .Require(!string.IsNullOrWhiteSpace(countryIso3) && countryKnown, "countryIso3", $"'{countryIso3}' is not a known country.")
            .Require(startOn >= EarliestDate, "startOn", "Must be on or after 1945-10-24.")
            .Require(endOn is null || endOn >= startOn, "endOn", "Cannot be before the start.")
            .Require(neededWithinDays is null or (>= 0 and <= 3650), "neededWithinDays", "Between 0 and 3650 days.");
    }
}
