using Interlock.Security;
using Interlock.Shared;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// "Who does what where": an organization's engagement in an area, in a country or first-level area, over a period,
/// in one of the five forms of cooperation, with its role and the mandate it acts on. The record's owner is the
/// organization that keeps it, usually the engaged organization itself.
/// </summary>
public sealed class Engagement : IClassified, IVersioned
{
    public static string Category => Categories.Engagement;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    /// <summary>The organization that acts.</summary>
    public Guid OrganizationId { get; set; }
    public Guid? SituationId { get; set; }
    public required string AreaCode { get; set; }
    /// <summary>What is done, in a few words (#activity in a 3W file), e.g. "Ceasefire monitoring (UNOMIL)".</summary>
    public string? Activity { get; set; }
    public required string CountryIso3 { get; set; }
    public string? Admin1 { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public CooperationForm Form { get; set; }
    public EngagementRole Role { get; set; }
    public EngagementStatus Status { get; set; }
    public MandateKind MandateKind { get; set; }
    /// <summary>The mandate itself, e.g. "S/RES/866 (1993)" or "ECOWAS Standing Mediation Committee, 7 Aug 1990".</summary>
    public string? MandateReference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public Period Period => new(StartOn, EndOn);

    public static ValidationErrors Validate(string? areaCode, bool areaKnown, string? countryIso3, bool countryKnown,
        DateOnly startOn, DateOnly? endOn, MandateKind mandateKind, string? mandateReference)
    {
        return new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(areaCode) && areaKnown, "areaCode", $"'{areaCode}' is not an area of the taxonomy.")
            .Require(!string.IsNullOrWhiteSpace(countryIso3) && countryKnown, "countryIso3", $"'{countryIso3}' is not a known country.")
            .Require(startOn >= Need.EarliestDate, "startOn", "Must be on or after 1945-10-24.")
            .Require(endOn is null || endOn >= startOn, "endOn", "Cannot be before the start.")
            .Require(mandateKind == MandateKind.None || !string.IsNullOrWhiteSpace(mandateReference), "mandateReference",
                "Name the mandate (for instance S/RES/866 (1993)), or choose no mandate.")
            .Require(mandateReference is null || mandateReference.Length <= 300, "mandateReference", "At most 300 characters.");
    }
}
