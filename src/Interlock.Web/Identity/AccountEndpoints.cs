using Interlock.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Interlock.Web.Identity;

/// <summary>The few account actions that are plain HTTP rather than pages: sign-out and the language switch.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<InterlockUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).RequireAuthorization().WithName("SignOut").ExcludeFromDescription();

        app.MapGet("/culture", (string? culture, string? redirectUri, HttpContext http) =>
        {
            var chosen = InterlockHost.Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "en";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            var target = redirectUri is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") && !r.StartsWith("/\\") ? r : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().WithName("SetCulture").ExcludeFromDescription();
    }
}
