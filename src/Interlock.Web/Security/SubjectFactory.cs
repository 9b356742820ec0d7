using System.Security.Claims;
using Interlock.Identity;
using Interlock.Security;

namespace Interlock.Web.Security;

/// <summary>Reads the policy's <see cref="Subject"/> off a principal, whether it came from a cookie or a token.</summary>
public static class SubjectFactory
{
    public static Subject From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Subject.Anonymous;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !Guid.TryParse(principal.FindFirstValue(InterlockClaims.Organization), out var org))
            return Subject.Anonymous;
        var roles = Roles.Parse(principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        TokenScope? scope = Enum.TryParse<TokenScope>(principal.FindFirstValue(InterlockClaims.TokenScope), out var s) ? s : null;
        return new Subject(userId, principal.Identity.Name, org, roles, scope);
    }
}
