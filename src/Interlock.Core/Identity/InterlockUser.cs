using Microsoft.AspNetCore.Identity;

namespace Interlock.Identity;

/// <summary>A person who signs in. Belongs to exactly one organization; roles are Identity roles named after <see cref="Security.Role"/>.</summary>
public sealed class InterlockUser : IdentityUser
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? PreferredCulture { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Claim types Interlock adds to a signed-in principal.</summary>
public static class InterlockClaims
{
    public const string Organization = "interlock:org";
    public const string TokenScope = "interlock:scope";
    public const string TokenId = "interlock:token";
}
