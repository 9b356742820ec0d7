namespace Interlock.Security;

/// <summary>What a machine token may do. An interactive session is not limited by a scope.</summary>
public enum TokenScope { Read = 1, Write = 2 }

/// <summary>
/// Who is asking: a signed-in user (or a machine token acting for one), or an anonymous visitor.
/// </summary>
public sealed record Subject(string? UserId, string? UserName, Guid? OrganizationId, Role Roles, TokenScope? Scope = null)
{
    public static readonly Subject Anonymous = new(null, null, null, Role.None);

    public bool IsAuthenticated => UserId is not null && OrganizationId is not null;

    public bool Has(Role anyOf) => (Roles & anyOf) != 0;

    public bool CanUseWriteScope => Scope is null or TokenScope.Write;
}
