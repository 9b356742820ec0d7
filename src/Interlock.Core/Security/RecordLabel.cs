using Interlock.Shared;

namespace Interlock.Security;

/// <summary>The owning organization, classification and data category of one record: all the policy needs to know of it.</summary>
public readonly record struct RecordLabel(Guid OwnerOrganizationId, Classification Classification, string Category)
{
    public static RecordLabel Of<T>(T record) where T : IClassified =>
        new(record.OwnerOrganizationId, record.Classification, T.Category);
}

/// <summary>
/// One organization's permission, from an information-sharing agreement in force, to read the
/// records of <see cref="OwnerOrganizationId"/> in the given categories up to <see cref="Ceiling"/>.
/// An empty category list covers every category.
/// </summary>
public sealed record SharingGrant(Guid OwnerOrganizationId, Guid GranteeOrganizationId, IReadOnlyCollection<string> Categories, Classification Ceiling)
{
    public bool Covers(string category) => Categories.Count == 0 || Categories.Contains(category, StringComparer.Ordinal);
}

public enum Operation { Read, Create, Update, Delete }

/// <summary>Who besides the owner's writers may change records of a category.</summary>
public enum WriteRule
{
    /// <summary>Writers (Contributor and above) of the owning organization.</summary>
    OwnerWriters,
    /// <summary>The owning organization's OrgAdmin (or its Administrator).</summary>
    OwnerAdmins,
    /// <summary>The secretariat's Administrator for any owner, or the owning organization's OrgAdmin.</summary>
    OwnerAdminsOrAdministrator,
    /// <summary>The secretariat's Administrator only (shared reference data).</summary>
    AdministratorOnly,
}

public readonly record struct AccessDecision(bool Allowed, string Reason)
{
    public static AccessDecision Allow(string reason) => new(true, reason);
    public static AccessDecision Deny(string reason) => new(false, reason);
}
