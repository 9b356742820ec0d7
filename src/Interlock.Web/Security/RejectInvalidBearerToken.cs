namespace Interlock.Web.Security;

/// <summary>
/// A request that presents a bearer token that is unknown, revoked or expired gets 401, even on an endpoint
/// open to anonymous callers: a partner's system must learn its token stopped working, not silently receive
/// only public data.
/// </summary>
public sealed class RejectInvalidBearerToken(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var presented = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (presented && http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Results.Problem(statusCode: 401, title: "The token is unknown, revoked or expired.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
