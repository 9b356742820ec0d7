using System.Globalization;
using Interlock.Data;
using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Observations;
using Interlock.EarlyWarning.Risk;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

public sealed record ObservationRevisionDto(int Number, double Value, string Source, string SourceReliability, int InformationCredibility,
    string? Note, Classification Classification, string? Correction, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record ObservationDto(Guid Id, string Owner, string Indicator, string IndicatorName, string Country, string? Admin1, string Month,
    double Value, RiskLevel Level, string Reason, string Source, string SourceReliability, int InformationCredibility, string? Note,
    Classification Classification, int Revision, DateTimeOffset CreatedAt, DateTimeOffset RevisedAt, long Version,
    IReadOnlyList<ObservationRevisionDto>? Revisions);

public sealed record ObservationCreate(string Indicator, string Country, string? Admin1, string Month, double? Value, string Source,
    string SourceReliability, int? InformationCredibility, string? Note, Classification Classification);

public sealed record ObservationRevise(double? Value, string Source, string SourceReliability, int? InformationCredibility, string? Note,
    Classification Classification, string Correction);

public sealed record ObservationImportDto(int Rows, int Created, int Revised, int Unchanged);

/// <summary>
/// Observations over HTTP: a filtered, paged list (public ones for anyone), one with its visible history, submission,
/// revision (If-Match), CSV export and import with HXL hashtags. Writes work with a write-scope token.
/// </summary>
public static class ObservationEndpoints
{
    public static void MapObservationApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/observations").WithTags("Early warning").AllowAnonymous();
        open.MapGet("/", List).WithName("ListObservations");
        open.MapGet("/{id:guid}", Get).WithName("GetObservation");
        open.MapGet("/export.csv", Export).WithName("ExportObservations").Produces(200, contentType: "text/csv");

        var api = app.MapGroup("/api/v1/observations").WithTags("Early warning").RequireAuthorization();
        api.MapPost("/", Create).WithName("SubmitObservation");
        api.MapPost("/{id:guid}/revisions", Revise).WithName("ReviseObservation");
        api.MapPost("/import", Import).WithName("ImportObservations").Accepts<IFormFile>("multipart/form-data")
            .Produces<ObservationImportDto>().ProducesValidationProblem().DisableAntiforgery();
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? indicator, string? country, string? admin1,
        string? from, string? to, string? owner, int? offset, int? limit, CancellationToken ct)
    {
        var (query, errors) = ObservationQuery.Parse(indicator, country, admin1, from, to, owner);
        if (query is null) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await query.ApplyAsync(await access.ReadableAsync(db.Observations.AsNoTracking(), ct), db, ct);
        var total = await q.CountAsync(ct);
        var items = await ObservationQuery.Ordered(q).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await OwnerCodesAsync(db, ct);
        return TypedResults.Ok(new Page<ObservationDto>(items.Select(o => ToDto(o, codes, null)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, ObservationService service, HttpContext http,
        CancellationToken ct)
    {
        var o = await db.Observations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !await access.CanReadAsync(o, ct)) return ApiConventions.NotFound("Observation");
        await access.AuditReadsAsync([o], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(o);
        return TypedResults.Ok(ToDto(o, await OwnerCodesAsync(db, ct), await service.VisibleRevisionsAsync(o, ct)));
    }

    internal static async Task<IResult> Create(ObservationCreate body, ObservationService service, InterlockDbContext db, HttpContext http,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var month = ObservationQuery.Month(body.Month, "month", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var outcome = await service.SubmitAsync(new ObservationService.Submission(body.Indicator, body.Country, body.Admin1, month, body.Value,
            body.Source, body.SourceReliability, body.InformationCredibility, body.Note, body.Classification), ct);
        if (outcome.Value is not { } o) return outcome.Failure("Observation");
        http.Response.Headers.ETag = ApiConventions.ETagOf(o);
        return TypedResults.Created($"/api/v1/observations/{o.Id}", ToDto(o, await OwnerCodesAsync(db, ct), o.Revisions));
    }

    internal static async Task<IResult> Revise(Guid id, ObservationRevise body, ObservationService service, InterlockDbContext db, AccessService access,
        HttpContext http, CancellationToken ct)
    {
        var o = await db.Observations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !await access.CanReadAsync(o, ct)) return ApiConventions.NotFound("Observation");
        // If-Match is checked against the version read here; the service checks it again when saving.
        if (ApiConventions.CheckIfMatch(http, o) is { } failed) return failed;
        var outcome = await service.ReviseAsync(id, o.Version, new ObservationService.Correction(body.Value, body.Source, body.SourceReliability,
            body.InformationCredibility, body.Note, body.Classification, body.Correction), ct);
        if (outcome.Value is not { } revised) return outcome.Failure("Observation");
        http.Response.Headers.ETag = ApiConventions.ETagOf(revised);
        return TypedResults.Created($"/api/v1/observations/{id}", ToDto(revised, await OwnerCodesAsync(db, ct), await service.VisibleRevisionsAsync(revised, ct)));
    }

    internal static async Task<IResult> Export(InterlockDbContext db, AccessService access, string? indicator, string? country, string? admin1,
        string? from, string? to, string? owner, CancellationToken ct)
    {
        var (query, errors) = ObservationQuery.Parse(indicator, country, admin1, from, to, owner);
        if (query is null) return ApiConventions.Validation(errors);
        var q = await query.ApplyAsync(await access.ReadableAsync(db.Observations.AsNoTracking(), ct), db, ct);
        var items = await ObservationQuery.Ordered(q).Take(100_000).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var csv = ObservationCsv.ToText(items, await OwnerCodesAsync(db, ct));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "observations.csv");
    }

    internal static async Task<IResult> Import(HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery,
        IRiskRecomputer risk, CancellationToken ct)
    {
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.Observation, owner))
            return ApiConventions.Forbidden("Your role or token cannot submit observations.");
        // A browser posting a form with its cookie must prove the form came from Interlock; a token client cannot be forged that way.
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(http))
            return ApiConventions.Validation("__RequestVerificationToken", "The form's antiforgery token is missing or invalid; reload the page.");
        var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null) return ApiConventions.Validation("file", "Send the file as multipart/form-data in the field 'file'.");
        await using var stream = file.OpenReadStream();
        var result = await ObservationCsvImport.ImportAsync(db, stream, owner, access.Subject.UserName, access.Today, risk, ct);
        return result.Succeeded
            ? TypedResults.Ok(new ObservationImportDto(result.Rows, result.Created, result.Updated, result.Unchanged))
            : Rejected(result);
    }

    internal static IResult Rejected(ExchangeResult result)
    {
        var errors = new ValidationErrors();
        foreach (var r in result.Rejections.Take(100)) errors.Add("file", r.ToString());
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: $"The file was not imported: {result.Rejections.Count} problem{(result.Rejections.Count == 1 ? "" : "s")}.",
            detail: "Nothing was written. Fix the rows listed and upload the file again.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.ToDictionary(),
                ["rejections"] = result.Rejections.Take(100).Select(r => new { line = r.Line, column = r.Column, reason = r.Reason }).ToList(),
            });
    }

    internal static Task<Dictionary<Guid, string>> OwnerCodesAsync(InterlockDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);

    internal static ObservationDto ToDto(Observation o, IReadOnlyDictionary<Guid, string> codes, IReadOnlyList<ObservationRevision>? revisions)
    {
        var d = IndicatorCatalog.Get(o.IndicatorCode);
        return new ObservationDto(o.Id, codes.GetValueOrDefault(o.OwnerOrganizationId, "?"), o.IndicatorCode, d.NameEn, o.CountryIso3, o.Admin1,
            o.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), o.Value, d.LevelOf(o.Value), d.Explain(o.Value), o.Source, o.SourceReliability,
            o.InformationCredibility, o.Note, o.Classification, o.Revision, o.CreatedAt, o.RevisedAt, o.Version, revisions?.Select(ToDto).ToList());
    }

    private static ObservationRevisionDto ToDto(ObservationRevision r) => new(r.Number, r.Value, r.Source, r.SourceReliability,
        r.InformationCredibility, r.Note, r.Classification, r.Correction, r.RecordedAt, r.RecordedBy);
}
