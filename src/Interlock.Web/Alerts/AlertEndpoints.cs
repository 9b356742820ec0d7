using System.Globalization;
using Interlock.Data;
using Interlock.EarlyWarning.Alerts;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Alerts;

/// <summary>
/// Alerts and the inbox over HTTP. Alerts are read through the access policy (anonymous callers see public ones);
/// the inbox is the caller's organization's, for the roles each item names; acknowledging needs a write-scoped caller.
/// </summary>
public static class AlertEndpoints
{
    public static void MapAlertApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Alerts").AllowAnonymous();
        open.MapGet("/alerts", List).WithName("ListAlerts");
        open.MapGet("/alerts/{id:guid}", Get).WithName("GetAlert");
        CapFeedEndpoints.Map(open);

        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Alerts").RequireAuthorization();
        inbox.MapGet("/", Inbox).WithName("ListInbox");
        inbox.MapPost("/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeInboxItem");
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? country, string? from, string? to,
        int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var iso3 = country?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(iso3) && !await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct))
            errors.Add("country", $"'{country}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
        var fromMonth = Month(from, "from", errors);
        var toMonth = Month(to, "to", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var (skip, take) = Paging.Normalize(offset, limit);
        var query = await access.ReadableAsync(db.Alerts.AsNoTracking(), ct);
        if (!string.IsNullOrEmpty(iso3)) query = query.Where(a => a.CountryIso3 == iso3);
        if (fromMonth is { } f) query = query.Where(a => a.Month >= f);
        if (toMonth is { } t) query = query.Where(a => a.Month <= t);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var names = await NamesAsync(db, items, ct);
        return TypedResults.Ok(new Page<AlertDto>(items.Select(a => AlertDtoMapping.ToDto(a, names.Countries.GetValueOrDefault(a.CountryIso3, a.CountryIso3),
            names.Owners.GetValueOrDefault(a.OwnerOrganizationId, ""))).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct) =>
        await AlertViews.LoadAsync(db, access, id, ct) is { } view
            ? TypedResults.Ok(AlertDtoMapping.ToDto(view))
            : ApiConventions.NotFound("Alert");

    internal static async Task<Page<InboxItemDto>> Inbox(InterlockDbContext db, AccessService access, bool? unacknowledged, int? offset, int? limit,
        CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = AlertViews.Inbox(db, access).AsNoTracking();
        if (unacknowledged == true) query = query.Where(i => i.AcknowledgedAt == null);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(skip).Take(take).ToListAsync(ct);
        return new Page<InboxItemDto>(items.Select(AlertDtoMapping.ToDto).ToList(), total, skip, take);
    }

    internal static async Task<IResult> Acknowledge(Guid id, InterlockDbContext db, AccessService access, TimeProvider time, CancellationToken ct)
    {
        var (item, allowed) = await AlertViews.AcknowledgeAsync(db, access, id, time.GetUtcNow(), ct);
        if (item is null) return ApiConventions.NotFound("Inbox item");
        if (!allowed) return ApiConventions.Forbidden("the token's scope is read-only");
        return TypedResults.Ok(AlertDtoMapping.ToDto(item));
    }

    internal static async Task<(Dictionary<string, string> Countries, Dictionary<Guid, string> Owners)> NamesAsync(InterlockDbContext db,
        IReadOnlyCollection<Alert> alerts, CancellationToken ct)
    {
        var isos = alerts.Select(a => a.CountryIso3).Distinct().ToList();
        var owners = alerts.Select(a => a.OwnerOrganizationId).Distinct().ToList();
        return (await db.Countries.Where(c => isos.Contains(c.Iso3)).ToDictionaryAsync(c => c.Iso3, c => c.NameEn, ct),
            await db.Organizations.Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct));
    }

    private static DateOnly? Month(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new DateOnly(d.Year, d.Month, 1);
        errors.Add(field, "A month as YYYY-MM.");
        return null;
    }
}
