using Interlock.Audit;

namespace Interlock.Web.Security;

/// <summary>The audit log's "who, from where", taken from the current request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    // Read at each use, not at construction: the scoped DbContext (and so this actor) is often created while the
    // cookie is still being validated, before the request's user is known.
    private Interlock.Security.Subject Current => SubjectFactory.From(accessor.HttpContext?.User);

    public string? UserId => Current.UserId;
    public string? UserName => Current.UserName ?? (accessor.HttpContext is null ? "system" : "anonymous");
    public Guid? OrganizationId => Current.OrganizationId;
    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
