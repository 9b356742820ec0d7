using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// An Analyst's judgement of a country's risk in a month, with a justification. Kept beside the computed
/// <see cref="CountryRisk"/>, never over it: both are shown. Append-only: a new judgement is a new assessment.
/// Owned and labelled by the Analyst's organization, so the access policy decides who reads it.
/// </summary>
public sealed class RiskAssessment : IClassified
{
    public static string Category => Categories.RiskAssessment;

    public Guid Id { get; set; }
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month assessed.</summary>
    public DateOnly Month { get; set; }
    public RiskLevel Level { get; set; }
    public required string Justification { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public string? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Who may record an assessment and what a valid one is. The endpoint and the page both call this.</summary>
public static class RiskAssessmentRules
{
    public const int MaxJustification = 4000;

    /// <summary>Only an Analyst, writing for their own organization (the category's OwnerWriters rule).</summary>
    public static AccessDecision MayRecord(Subject subject, Guid owner, Classification classification)
    {
        if (!subject.IsAuthenticated) return AccessDecision.Deny("sign in to record an assessment");
        if (!subject.Has(Role.Analyst)) return AccessDecision.Deny("only an Analyst may record a risk assessment");
        return AccessPolicy.Decide(subject, Operation.Create, new RecordLabel(owner, classification, Categories.RiskAssessment), []);
    }

    public static ValidationErrors Validate(string? country, bool countryKnown, DateOnly? month, DateOnly today, RiskLevel? level, string? justification)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(country) && countryKnown, "country", "An ISO 3166 alpha-3 code of a country Interlock knows.");
        errors.Require(month is not null, "month", "A month as YYYY-MM.");
        errors.Require(month is null || month <= new DateOnly(today.Year, today.Month, 1), "month", "Must not be after the current month.");
        errors.Require(level is not null, "level", "One of low, watch, warning, alert.");
        errors.Require(!string.IsNullOrWhiteSpace(justification), "justification", "Say why the level differs from (or confirms) the computed one.");
        errors.Require(justification is null || justification.Length <= MaxJustification, "justification", $"At most {MaxJustification} characters.");
        return errors;
    }
}
