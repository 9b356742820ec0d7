using Interlock.Audit;

namespace Interlock.Web.Security;

/// <summary>The audit log's "who, from where", taken from the current request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private readonly Interlock.Security.Subject _subject = SubjectFactory.From(accessor.HttpContext?.User);

    public string? UserId => _subject.UserId;
    public string? UserName => _subject.UserName ?? (accessor.HttpContext is null ? "system" : "anonymous");
    public Guid? OrganizationId => _subject.OrganizationId;
    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
