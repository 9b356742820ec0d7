using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>
/// An agreement "to govern the sharing of information" [2005 Annex II]. Each party shares its records
/// of the listed categories (all when none are listed), up to the ceiling, with the other parties,
/// from the day it enters into force to the day it ends, and only once every party has confirmed:
/// no organization can grant itself another's information.
/// </summary>
public sealed class SharingAgreement : IClassified, IVersioned
{
    public static string Category => Categories.SharingAgreement;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public required string Title { get; set; }
    public List<string> DataCategories { get; set; } = [];
    public Classification Ceiling { get; set; } = Classification.Confidential;
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? DocumentReference { get; set; }
    public List<SharingAgreementParty> Parties { get; set; } = [];
    public long Version { get; set; }

    public bool IsFullyConfirmed => Parties.Count >= 2 && Parties.All(p => p.ConfirmedAt is not null);

    public bool InForceOn(DateOnly day) =>
        IsFullyConfirmed && ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    /// <summary>What this agreement lets <paramref name="grantee"/> read on <paramref name="day"/>.</summary>
    public IEnumerable<SharingGrant> GrantsFor(Guid grantee, DateOnly day)
    {
        if (!InForceOn(day) || Parties.All(p => p.OrganizationId != grantee)) yield break;
        foreach (var owner in Parties.Where(p => p.OrganizationId != grantee))
            yield return new SharingGrant(owner.OrganizationId, grantee, DataCategories, Ceiling);
    }

    public static ValidationErrors Validate(string? title, IReadOnlyCollection<Guid> parties, IReadOnlyCollection<string> categories,
        Classification ceiling, DateOnly validFrom, DateOnly? validTo)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(title), "title", "A title is required.");
        errors.Require(title is null || title.Trim().Length <= 300, "title", "At most 300 characters.");
        errors.Require(parties.Count >= 2, "parties", "An agreement names at least two organizations.");
        errors.Require(parties.Distinct().Count() == parties.Count, "parties", "An organization is named twice.");
        foreach (var c in categories.Where(c => !Categories.IsKnown(c)))
            errors.Add("dataCategories", $"Unknown data category '{c}'. Known: {string.Join(", ", Categories.All)}.");
        errors.Require(ceiling is Classification.Partners or Classification.Confidential, "ceiling",
            "The ceiling is Partners or Confidential: strictly confidential records are never shared.");
        errors.Require(validTo is null || validTo >= validFrom, "validTo", "The end date is before the start date.");
        return errors;
    }
}

public sealed class SharingAgreementParty
{
    public Guid AgreementId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedByUserId { get; set; }
}
