using Interlock.Audit;

namespace Interlock.Web.Security;

/// <summary>The audit log's "who, from where", taken from the current request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    // Read at each use, not at construction: the scoped DbContext (and so this actor) is often created while the
    // cookie is still being validated, before the request's user is known.
    private Interlock.Security.Subject Current => SubjectFactory.From(accessor.HttpContext?.User);

    public string? UserId => Current.UserId;
    public string? UserName => Current.UserName ?? SignInAttempt ?? (accessor.HttpContext is null ? "system" : "anonymous");
    public Guid? OrganizationId => Current.OrganizationId;
    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private const string SignInAttemptKey = "interlock.audit.sign-in";

    // A sign-in writes to the user's record (failed-attempt count, lockout, security stamp) before the request has
    // a user: name whom the attempt was for, so the log does not show those writes as an anonymous change.
    private string? SignInAttempt => accessor.HttpContext?.Items[SignInAttemptKey] is string name ? $"sign-in attempt as {name}" : null;

    /// <summary>Marks the request as a sign-in attempt for the given user name (as typed, not yet verified).</summary>
    public static void MarkSignInAttempt(HttpContext http, string? userName)
    {
        if (!string.IsNullOrWhiteSpace(userName)) http.Items[SignInAttemptKey] = userName.Trim();
    }
}
