namespace Interlock.Audit;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> is the SHA-256 of this entry's fields and
/// <see cref="PreviousHash"/>, so editing or deleting any entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>create, update, delete or read.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? RemoteAddress { get; set; }
    public string? Details { get; set; }
    public required string PreviousHash { get; set; }
    public string Hash { get; set; } = "";
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
}

/// <summary>Who is acting, as the audit log records it. The web host fills it from the request; the CLI names itself.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string? UserName { get; }
    Guid? OrganizationId { get; }
    string? RemoteAddress { get; }
}

public sealed record FixedAuditActor(string? UserId, string? UserName, Guid? OrganizationId, string? RemoteAddress) : IAuditActor
{
    public static readonly FixedAuditActor System = new(null, "system", null, null);
}
