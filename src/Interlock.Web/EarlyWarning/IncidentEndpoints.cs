using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Incidents;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <param name="Precision">How precisely the report's coordinates are shown outside the reporting organization.</param>
/// <param name="CoordinatesExact">True when <c>latitude</c>/<c>longitude</c> are the exact ones (the caller's own organization).</param>
public sealed record IncidentDto(Guid Id, string Owner, Classification Classification, DateOnly Date, string Country, string? Admin1, string? Place,
    double? Latitude, double? Longitude, CoordinatePrecision Precision, bool CoordinatesExact, ViolenceType ViolenceType, string IncidentType,
    string? SideA, string? SideB, int Fatalities, string Source, string? Description, VerificationStatus Verification, string? VerifiedBy,
    DateTimeOffset? VerifiedAt, long? EventId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

public sealed record IncidentWrite(DateOnly? Date, string Country, string? Admin1, string? Place, double? Latitude, double? Longitude,
    CoordinatePrecision Precision, ViolenceType? ViolenceType, string IncidentType, string? SideA, string? SideB, int? Fatalities, string Source,
    string? Description, Classification Classification)
{
    public IncidentRules.Input ToInput() => new(Date, Country, Admin1, Place, Latitude, Longitude, Precision, ViolenceType, IncidentType, SideA, SideB,
        Fatalities, Source, Description);
}

public sealed record VerificationWrite(VerificationStatus Status);

/// <summary>
/// Field incident reports over HTTP. Each report is also an event of the dataset <c>incident</c> in the event store.
/// Outside the reporting organization, coordinates are shown only at the report's precision.
/// </summary>
public static class IncidentEndpoints
{
    public static void MapIncidentApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/incidents").WithTags("Early warning").AllowAnonymous();
        open.MapGet("/", List).WithName("ListIncidents");
        open.MapGet("/{id:guid}", Get).WithName("GetIncident");

        var api = app.MapGroup("/api/v1/incidents").WithTags("Early warning").RequireAuthorization();
        api.MapPost("/", Create).WithName("ReportIncident");
        api.MapPut("/{id:guid}", Update).WithName("UpdateIncident");
        api.MapPost("/{id:guid}/verification", Verify).WithName("VerifyIncident");
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? country, string? from, string? to,
        VerificationStatus? verification, int? offset, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var f = Day(from, "from", errors);
        var t = Day(to, "to", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = Filter(await access.ReadableAsync(db.IncidentReports.AsNoTracking(), ct), country, f, t, verification);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await ObservationEndpoints.OwnerCodesAsync(db, ct);
        return TypedResults.Ok(new Page<IncidentDto>(items.Select(r => ToDto(r, codes, access.Subject.OrganizationId)).ToList(), total, skip, take));
    }

    public static IQueryable<IncidentReport> Filter(IQueryable<IncidentReport> q, string? country, DateOnly? from, DateOnly? to, VerificationStatus? verification)
    {
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(r => r.CountryIso3 == c); }
        if (from is { } f) q = q.Where(r => r.Date >= f);
        if (to is { } t) q = q.Where(r => r.Date <= t);
        if (verification is { } v) q = q.Where(r => r.Verification == v);
        return q;
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var r = await db.IncidentReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await access.CanReadAsync(r, ct)) return ApiConventions.NotFound("Incident report");
        await access.AuditReadsAsync([r], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(r);
        return TypedResults.Ok(ToDto(r, await ObservationEndpoints.OwnerCodesAsync(db, ct), access.Subject.OrganizationId));
    }

    internal static async Task<IResult> Create(IncidentWrite body, IncidentService service, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        var outcome = await service.CreateAsync(body.ToInput(), body.Classification, ct);
        if (outcome.Value is not { } r) return outcome.Failure("Incident report");
        http.Response.Headers.ETag = ApiConventions.ETagOf(r);
        return TypedResults.Created($"/api/v1/incidents/{r.Id}", ToDto(r, await ObservationEndpoints.OwnerCodesAsync(db, ct), access.Subject.OrganizationId));
    }

    internal static async Task<IResult> Update(Guid id, IncidentWrite body, IncidentService service, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        if (await CheckAsync(id, db, access, http, ct) is { } failed) return failed;
        var outcome = await service.UpdateAsync(id, VersionOf(http), body.ToInput(), body.Classification, ct);
        if (outcome.Value is not { } r) return outcome.Failure("Incident report");
        http.Response.Headers.ETag = ApiConventions.ETagOf(r);
        return TypedResults.Ok(ToDto(r, await ObservationEndpoints.OwnerCodesAsync(db, ct), access.Subject.OrganizationId));
    }

    internal static async Task<IResult> Verify(Guid id, VerificationWrite body, IncidentService service, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        if (await CheckAsync(id, db, access, http, ct) is { } failed) return failed;
        var outcome = await service.VerifyAsync(id, VersionOf(http), body.Status, ct);
        if (outcome.Value is not { } r) return outcome.Failure("Incident report");
        http.Response.Headers.ETag = ApiConventions.ETagOf(r);
        return TypedResults.Ok(ToDto(r, await ObservationEndpoints.OwnerCodesAsync(db, ct), access.Subject.OrganizationId));
    }

    /// <summary>404 for a report the caller cannot see, then If-Match against the current version.</summary>
    private static async Task<IResult?> CheckAsync(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var r = await db.IncidentReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await access.CanReadAsync(r, ct)) return ApiConventions.NotFound("Incident report");
        var failed = ApiConventions.CheckIfMatch(http, r);
        if (failed is null) http.Items[VersionKey] = r.Version;
        return failed;
    }

    private const string VersionKey = "incident-version";
    private static long VersionOf(HttpContext http) => (long)http.Items[VersionKey]!;

    private static DateOnly? Day(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return d;
        errors.Add(field, "A date as YYYY-MM-DD.");
        return null;
    }

    public static IncidentDto ToDto(IncidentReport r, IReadOnlyDictionary<Guid, string> codes, Guid? viewer)
    {
        var (lat, lon, shown) = r.LocationFor(viewer);
        return new IncidentDto(r.Id, codes.GetValueOrDefault(r.OwnerOrganizationId, "?"), r.Classification, r.Date, r.CountryIso3, r.Admin1, r.Place,
            lat, lon, r.Precision, shown == CoordinatePrecision.Exact, r.ViolenceType, r.IncidentType, r.SideA, r.SideB, r.Fatalities, r.Source,
            r.Description, r.Verification, r.VerifiedBy, r.VerifiedAt, r.EventId, r.CreatedAt, r.UpdatedAt, r.Version);
    }
}
