using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Situations;

/// <summary>What a situation must hold, and who may add notes to it.</summary>
public static class SituationRules
{
    public sealed record Input(string? Title, string? Description, string? CountryIso3, IReadOnlyList<string> Admin1Areas, PreventionStage? Stage,
        IReadOnlyList<Guid> InvolvedOrganizationIds, DateOnly? WatchFrom, Classification Classification);

    public static ValidationErrors Validate(Input i, DateOnly today, IReadOnlySet<Guid> knownOrganizations)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(i.Title), "title", "A title is required.");
        errors.Require(i.Title is null || i.Title.Length <= 300, "title", "At most 300 characters.");
        errors.Require(i.Description is null || i.Description.Length <= 8000, "description", "At most 8000 characters.");
        errors.Require(i.CountryIso3 is not null && CountryCodes.Default.IsKnown(i.CountryIso3), "country",
            $"'{i.CountryIso3}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
        errors.Require(i.Admin1Areas.Count <= 50 && i.Admin1Areas.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 200), "admin1Areas",
            "At most 50 area names of at most 200 characters each.");
        errors.Require(i.Stage is { } s && Enum.IsDefined(s), "stage", "A stage of the prevention continuum is required.");
        errors.Require(i.InvolvedOrganizationIds.All(knownOrganizations.Contains), "organizations", "Name organizations of the registry.");
        errors.Require(i.WatchFrom is null || (i.WatchFrom >= new DateOnly(1946, 1, 1) && i.WatchFrom <= today), "watchFrom",
            "Between 1946-01-01 and today.");
        errors.Require(Enum.IsDefined(i.Classification), "classification", "Choose a classification.");
        return errors;
    }

    public static void Apply(Situation s, Input i, DateOnly today)
    {
        s.Title = i.Title!.Trim();
        s.Description = string.IsNullOrWhiteSpace(i.Description) ? null : i.Description.Trim();
        s.CountryIso3 = i.CountryIso3!;
        s.Admin1Areas = i.Admin1Areas.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        s.Stage = i.Stage!.Value;
        s.InvolvedOrganizationIds = i.InvolvedOrganizationIds.Distinct().ToList();
        // A year of history by default: enough to see a trend, short enough to read.
        s.WatchFrom = i.WatchFrom ?? today.AddYears(-1);
        s.Classification = i.Classification;
    }

    public static ValidationErrors ValidateNote(string? text) => new ValidationErrors()
        .Require(!string.IsNullOrWhiteSpace(text), "text", "Write the note.")
        .Require(text is null || text.Length <= 4000, "text", "At most 4000 characters.");

    /// <summary>
    /// Writers of the owning organization, and of the organizations involved, add notes: the timeline is where the
    /// partners working on a situation keep each other informed. The subject must be able to read the situation.
    /// </summary>
    public static AccessDecision DecideNote(Subject subject, Situation s)
    {
        if (!subject.IsAuthenticated) return AccessDecision.Deny("sign in to add notes");
        if (!subject.CanUseWriteScope) return AccessDecision.Deny("the token's scope is read-only");
        if (!subject.Has(Roles.Writers)) return AccessDecision.Deny("the Reader role cannot add notes");
        var org = subject.OrganizationId!.Value;
        return org == s.OwnerOrganizationId || s.InvolvedOrganizationIds.Contains(org)
            ? AccessDecision.Allow("writer of an organization working on the situation")
            : AccessDecision.Deny("only the owning and the involved organizations add notes");
    }
}
