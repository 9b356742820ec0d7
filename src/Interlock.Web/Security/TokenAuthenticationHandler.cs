using System.Security.Claims;
using System.Text.Encodings.Web;
using Interlock.Data;
using Interlock.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interlock.Web.Security;

/// <summary>
/// <c>Authorization: Bearer ilk_...</c> for systems of other organizations. The token acts as the user who
/// created it, limited to its scope; revoked, expired or unknown tokens are rejected alike.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    InterlockDbContext db, IUserClaimsPrincipalFactory<InterlockUser> principals, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not an Interlock token.");

        var hash = PersonalAccessToken.Hash(secret);
        var token = await db.PersonalAccessTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = time.GetUtcNow();
        if (token?.User is null || !token.IsUsableAt(now) || (token.User.LockoutEnd is { } until && until > now))
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");

        // Record last use at most once a minute, so a busy integration does not write on every request.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            token.LastUsedFrom = Context.Connection.RemoteIpAddress?.ToString();
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(token.User);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(InterlockClaims.TokenScope, token.Scope.ToString()));
        identity.AddClaim(new Claim(InterlockClaims.TokenId, token.Id.ToString("D")));
        var tokenPrincipal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, SchemeName, identity.NameClaimType, identity.RoleClaimType));
        return AuthenticateResult.Success(new AuthenticationTicket(tokenPrincipal, SchemeName));
    }
}
