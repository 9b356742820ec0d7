using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Capabilities;

/// <summary>Standing budget available for a capability, in US dollars a year.</summary>
public enum BudgetBand { Unknown, Under1M, From1MTo10M, From10MTo100M, Over100M }

/// <summary>
/// One entry of the database of conflict-prevention and peacebuilding capabilities [1998 §7, 2001 II.A]:
/// what an organization can provide, where, how soon and on what mandate.
/// </summary>
public sealed class Capability : IClassified, IVersioned
{
    public static string Category => Categories.Capability;
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(365);

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public required string AreaCode { get; set; }
    public required string Description { get; set; }
    /// <summary>Countries covered (ISO 3166 alpha-3).</summary>
    public List<string> ScopeCountries { get; set; } = [];
    /// <summary>M49 regions, sub-regions or intermediate regions covered (e.g. 002 Africa, 011 Western Africa).</summary>
    public List<string> ScopeRegions { get; set; } = [];
    /// <summary>True when the organization can act anywhere; then the lists above are empty.</summary>
    public bool Global { get; set; }
    public int? Personnel { get; set; }
    public BudgetBand Budget { get; set; }
    public string? Assets { get; set; }
    /// <summary>Days from decision to deployment.</summary>
    public int ReadinessDays { get; set; }
    public string? MandateBasis { get; set; }
    public Guid? ContactPersonId { get; set; }
    public DateOnly LastVerified { get; set; }
    /// <summary>Seeded from the public record to illustrate the database, not confirmed by the organization.</summary>
    public bool Illustrative { get; set; }
    public long Version { get; set; }

    public bool IsStale(DateOnly today) => LastVerified.AddDays((int)StaleAfter.TotalDays) < today;

    public static ValidationErrors Validate(string? areaCode, bool areaKnown, string? description, bool global,
        IReadOnlyCollection<string> countries, IReadOnlyCollection<string> regions, int readinessDays, int? personnel, DateOnly lastVerified, DateOnly today)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(areaCode) && areaKnown, "areaCode", $"'{areaCode}' is not an area of the taxonomy.")
            .Require(!string.IsNullOrWhiteSpace(description), "description", "A description is required.")
            .Require(global || countries.Count + regions.Count > 0, "scopeCountries", "Name the countries or regions covered, or mark the capability global.")
            .Require(!global || countries.Count + regions.Count == 0, "global", "A global capability lists no countries or regions.")
            .Require(readinessDays is >= 0 and <= 3650, "readinessDays", "Between 0 and 3650 days.")
            .Require(personnel is null or >= 0, "personnel", "Cannot be negative.")
            .Require(lastVerified <= today, "lastVerified", "Cannot be in the future.");
        return errors;
    }
}
