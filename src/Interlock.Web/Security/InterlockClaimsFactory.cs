using System.Security.Claims;
using Interlock.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Interlock.Web.Security;

/// <summary>Adds the user's organization to the cookie so every request knows it without a query.</summary>
public sealed class InterlockClaimsFactory(UserManager<InterlockUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<InterlockUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(InterlockUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(InterlockClaims.Organization, user.OrganizationId.ToString("D")));
        if (!string.IsNullOrEmpty(user.DisplayName)) identity.AddClaim(new Claim("name:display", user.DisplayName));
        return identity;
    }
}
