namespace Interlock.Security;

/// <summary>
/// The data categories that records belong to and that information-sharing agreements name,
/// with the rule for who may write each. Adding a record type means adding its category here.
/// </summary>
public static class Categories
{
    public const string Organization = "registry.organization";
    public const string ReferenceData = "registry.reference";
    public const string SharingAgreement = "registry.sharing-agreement";
    public const string User = "identity.user";
    public const string Document = "knowledge.document";
    public const string Contact = "registry.contact";
    public const string CooperationAgreement = "registry.cooperation-agreement";
    public const string Capability = "capabilities.capability";
    public const string ConflictEvent = "earlywarning.event";
    public const string Observation = "earlywarning.observation";
    public const string IncidentReport = "earlywarning.incident";
    public const string Situation = "earlywarning.situation";
    /// <summary>Indicator values: derived ones (computed when read) are public; reported ones carry their observation's label.</summary>
    public const string IndicatorValue = "earlywarning.indicator-value";
    /// <summary>An Analyst's own judgement of a country-month's risk (only Analysts create them: see RiskAssessmentRules).</summary>
    public const string RiskAssessment = "earlywarning.assessment";
    public const string Meeting = "meetings.meeting";
    public const string Decision = "meetings.decision";
    public const string Need = "division.need";
    public const string Engagement = "division.engagement";
    public const string TransitionPlan = "division.transition";
    public const string CooperationRecord = "division.cooperation-record";

    private static readonly Dictionary<string, WriteRule> Rules = new(StringComparer.Ordinal)
    {
        [Organization] = WriteRule.OwnerAdminsOrAdministrator,
        [ReferenceData] = WriteRule.AdministratorOnly,
        [SharingAgreement] = WriteRule.OwnerAdmins,
        [User] = WriteRule.OwnerAdminsOrAdministrator,
        [Document] = WriteRule.OwnerWriters,
        [Contact] = WriteRule.OwnerWriters,
        [CooperationAgreement] = WriteRule.OwnerAdminsOrAdministrator,
        [Capability] = WriteRule.OwnerWriters,
        [ConflictEvent] = WriteRule.OwnerWriters,
        [Observation] = WriteRule.OwnerWriters,
        [IncidentReport] = WriteRule.OwnerWriters,
        [Situation] = WriteRule.OwnerWriters,
        [IndicatorValue] = WriteRule.OwnerWriters,
        [RiskAssessment] = WriteRule.OwnerWriters,
        [Meeting] = WriteRule.OwnerWriters,
        [Decision] = WriteRule.OwnerWriters,
        [Need] = WriteRule.OwnerWriters,
        [Engagement] = WriteRule.OwnerWriters,
        [TransitionPlan] = WriteRule.OwnerWriters,
        [CooperationRecord] = WriteRule.OwnerWriters,
    };

    public static IReadOnlyCollection<string> All => Rules.Keys;

    public static WriteRule WriteRuleOf(string category) =>
        Rules.TryGetValue(category, out var rule) ? rule
            : throw new ArgumentException($"Unknown data category '{category}'.", nameof(category));

    public static bool IsKnown(string category) => Rules.ContainsKey(category);
}
