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

    private static readonly Dictionary<string, WriteRule> Rules = new(StringComparer.Ordinal)
    {
        [Organization] = WriteRule.OwnerAdminsOrAdministrator,
        [ReferenceData] = WriteRule.AdministratorOnly,
        [SharingAgreement] = WriteRule.OwnerAdmins,
        [User] = WriteRule.OwnerAdminsOrAdministrator,
        [Document] = WriteRule.OwnerWriters,
    };

    public static IReadOnlyCollection<string> All => Rules.Keys;

    public static WriteRule WriteRuleOf(string category) =>
        Rules.TryGetValue(category, out var rule) ? rule
            : throw new ArgumentException($"Unknown data category '{category}'.", nameof(category));

    public static bool IsKnown(string category) => Rules.ContainsKey(category);
}
