using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry;

/// <summary>What an organization asks for when it records an information-sharing agreement.</summary>
public sealed record SharingAgreementDraft(string? Title, IReadOnlyList<string> PartyCodes, IReadOnlyList<string> DataCategories,
    Classification Ceiling, DateOnly ValidFrom, DateOnly? ValidTo, string? DocumentReference,
    Classification Classification = Classification.Partners);

/// <summary>
/// Recording, confirming and ending information-sharing agreements. The API and the pages both call these,
/// so the two cannot drift apart. Whether the subject may record an agreement at all is checked by the caller
/// (AccessService.CanCreate) before <see cref="RecordAsync"/>.
/// </summary>
public static class SharingAgreementActions
{
    /// <summary>Validates, then saves the agreement with the recording organization's consent already given.</summary>
    public static async Task<(SharingAgreement? Agreement, ValidationErrors Errors)> RecordAsync(
        InterlockDbContext db, Subject subject, SharingAgreementDraft draft, CancellationToken ct = default)
    {
        var codes = draft.PartyCodes;
        var orgs = await db.Organizations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        var errors = SharingAgreement.Validate(draft.Title, codes.Select(c => orgs.TryGetValue(c, out var o) ? o.Id : Guid.Empty).ToList(),
            draft.DataCategories, draft.Ceiling, draft.ValidFrom, draft.ValidTo);
        foreach (var unknown in codes.Where(c => !orgs.ContainsKey(c)))
            errors.Add("parties", $"No organization has code '{unknown}'.");
        if (!orgs.Values.Any(o => o.Id == subject.OrganizationId))
            errors.Add("parties", "Your own organization must be a party.");
        if (!errors.IsEmpty) return (null, errors);

        var now = db.Time.GetUtcNow();
        var agreement = new SharingAgreement
        {
            OwnerOrganizationId = subject.OrganizationId!.Value, Classification = draft.Classification, Title = draft.Title!.Trim(),
            DataCategories = draft.DataCategories.Distinct().ToList(), Ceiling = draft.Ceiling,
            ValidFrom = draft.ValidFrom, ValidTo = draft.ValidTo,
            DocumentReference = draft.DocumentReference,
            // The recording organization consents by recording; every other party confirms for itself.
            Parties = orgs.Values.Select(o => new SharingAgreementParty
            {
                OrganizationId = o.Id,
                ConfirmedAt = o.Id == subject.OrganizationId ? now : null,
                ConfirmedByUserId = o.Id == subject.OrganizationId ? subject.UserId : null,
            }).ToList(),
        };
        db.SharingAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return (agreement, errors);
    }

    /// <summary>
    /// The party the subject may act for (confirm, end): an OrgAdmin acts for their own organization only.
    /// Null when the subject's organization is not a party or the subject may not act for it.
    /// </summary>
    public static SharingAgreementParty? ActingParty(Subject subject, SharingAgreement agreement)
    {
        if (!subject.IsAuthenticated) return null;
        var party = agreement.Parties.FirstOrDefault(p => p.OrganizationId == subject.OrganizationId);
        var label = new RecordLabel(subject.OrganizationId!.Value, agreement.Classification, Categories.SharingAgreement);
        return party is not null && AccessPolicy.CanWrite(subject, label) ? party : null;
    }

    public static async Task ConfirmAsync(InterlockDbContext db, SharingAgreement agreement, SharingAgreementParty party, Subject subject,
        CancellationToken ct = default)
    {
        party.ConfirmedAt = db.Time.GetUtcNow();
        party.ConfirmedByUserId = subject.UserId;
        // The parties are part of the agreement: confirming one moves the agreement's version on.
        db.Entry(agreement).Property(a => a.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A party can end an agreement earlier, never extend it.</summary>
    public static ValidationErrors ValidateEnd(SharingAgreement agreement, DateOnly validTo)
    {
        var errors = new ValidationErrors();
        if (validTo < agreement.ValidFrom) errors.Add("validTo", "The end date is before the start date.");
        else if (agreement.ValidTo is { } current && validTo > current)
            errors.Add("validTo", "A party can end an agreement earlier, not extend it; record a new agreement instead.");
        return errors;
    }

    public static async Task<ValidationErrors> EndAsync(InterlockDbContext db, SharingAgreement agreement, DateOnly validTo, CancellationToken ct = default)
    {
        var errors = ValidateEnd(agreement, validTo);
        if (!errors.IsEmpty) return errors;
        agreement.ValidTo = validTo;
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
