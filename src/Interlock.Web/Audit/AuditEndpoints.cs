using Interlock.Audit;
using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Action, string EntityType, string EntityId, string? UserName,
    Guid? OrganizationId, string? RemoteAddress, string? Details, string Hash);

/// <summary>The audit log, for the secretariat's Administrator; an OrgAdmin sees the entries of their own organization's users.</summary>
public static class AuditEndpoints
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization();
        api.MapGet("/", List).WithName("ListAuditEntries");
        api.MapGet("/verify", Verify).WithName("VerifyAuditChain");
    }

    internal static async Task<IResult> List(AccessService access, InterlockDbContext db, string? entityType, string? entityId, int? offset, int? limit, CancellationToken ct)
    {
        var s = access.Subject;
        if (!s.Has(Role.Administrator | Role.OrgAdmin)) return ApiConventions.Forbidden("Only administrators read the audit log.");
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = db.AuditEntries.AsNoTracking();
        if (!s.Has(Role.Administrator)) query = query.Where(a => a.OrganizationId == s.OrganizationId);
        if (!string.IsNullOrEmpty(entityType)) query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrEmpty(entityId)) query = query.Where(a => a.EntityId == entityId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.Action, a.EntityType, a.EntityId, a.UserName, a.OrganizationId, a.RemoteAddress, a.Details, a.Hash))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AuditEntryDto>(items, total, skip, take));
    }

    internal static async Task<IResult> Verify(AccessService access, InterlockDbContext db, CancellationToken ct)
    {
        if (!access.Subject.Has(Role.Administrator)) return ApiConventions.Forbidden("Only the secretariat's Administrator verifies the audit log.");
        return TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));
    }
}
