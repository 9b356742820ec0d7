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
    public const string Meeting = "meetings.meeting";
    public const string Decision = "meetings.decision";

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
        [Meeting] = WriteRule.OwnerWriters,
        [Decision] = WriteRule.OwnerWriters,
    };

    public static IReadOnlyCollection<string> All => Rules.Keys;

    public static WriteRule WriteRuleOf(string category) =>
        Rules.TryGetValue(category, out var rule) ? rule
            : throw new ArgumentException($"Unknown data category '{category}'.", nameof(category));

    public static bool IsKnown(string category) => Rules.ContainsKey(category);
}
