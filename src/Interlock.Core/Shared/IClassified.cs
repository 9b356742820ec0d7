namespace Interlock.Shared;

/// <summary>
/// A record that an organization owns and labels. Every such record goes through the access policy.
/// <see cref="Category"/> names the data category that information-sharing agreements list.
/// </summary>
public interface IClassified
{
    Guid Id { get; }
    Guid OwnerOrganizationId { get; }
    Classification Classification { get; }
    static abstract string Category { get; }
}

/// <summary>A record updated under optimistic concurrency: every save increments <see cref="Version"/>, the ETag.</summary>
public interface IVersioned
{
    long Version { get; set; }
}
