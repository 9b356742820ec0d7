using System.Collections.Concurrent;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Interlock.Web.EarlyWarning;

public sealed record ImportResultDto(string Dataset, string File, long Rows, int Inserted, int Updated, int Unchanged, int Rejected,
    int CountryMonthsRecomputed, long? BatchId, double Seconds);

public sealed record ImportProgressDto(string Stage, long Rows, long Bytes, long? TotalBytes, double? Fraction);

/// <summary>
/// Uploading UCDP GED and ACLED files (multipart, field <c>file</c>) for an Analyst or OrgAdmin. The whole file is
/// imported or nothing; a rejected file answers 400 with every problem by line and column. A client that sends
/// <c>?progress=GUID</c> can read how far the import is at <c>/api/v1/imports/progress/GUID</c> while it runs.
/// </summary>
public static class ImportEndpoints
{
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;
    private const Role Importers = Role.Analyst | Role.OrgAdmin;

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Early warning")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst), nameof(Role.OrgAdmin)));
        api.MapPost("/ucdp-ged", (HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery, ImportProgressBoard board,
                Guid? progress, CancellationToken ct) => Import(EventDatasets.UcdpGed, http, db, access, antiforgery, board, progress, ct))
            .WithName("ImportUcdpGed").Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportResultDto>().ProducesValidationProblem()
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes)).WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);
        api.MapPost("/acled", (HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery, ImportProgressBoard board,
                Guid? progress, CancellationToken ct) => Import(EventDatasets.Acled, http, db, access, antiforgery, board, progress, ct))
            .WithName("ImportAcled").Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportResultDto>().ProducesValidationProblem()
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes)).WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);
        api.MapGet("/progress/{id:guid}", Progress).WithName("ImportProgress");
    }

    internal static async Task<IResult> Import(string dataset, HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery,
        ImportProgressBoard board, Guid? progressId, CancellationToken ct)
    {
        var subject = access.Subject;
        if (!subject.Has(Importers)) return ApiConventions.Forbidden("Importing events needs the Analyst or OrgAdmin role.");
        var owner = subject.OrganizationId!.Value;
        if (!access.CanCreate(Categories.ConflictEvent, owner))
            return ApiConventions.Forbidden(access.DecideWrite(new RecordLabel(owner, Classification.Public, Categories.ConflictEvent)).Reason);
        // A browser posting a form with its cookie must prove the form came from Interlock; a token client cannot be forged that way.
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(http))
            return ApiConventions.Validation("__RequestVerificationToken", "The form's antiforgery token is missing or invalid; reload the page.");
        if (!http.Request.HasFormContentType)
            return ApiConventions.Validation("file", "Send the file as multipart/form-data in the field 'file'.");

        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null) return ApiConventions.Validation("file", "Send the file as multipart/form-data in the field 'file'.");

        var tracker = progressId is { } id ? board.Start(id, subject.UserId!) : null;
        try
        {
            await using var stream = file.OpenReadStream();
            var result = await EventImporter.ImportAsync(db, dataset, stream, new ImportOptions
            {
                OwnerOrganizationId = owner, FileName = file.FileName, TotalBytes = file.Length, Progress = tracker,
            }, ct);
            if (!result.Succeeded)
            {
                var errors = new ValidationErrors();
                foreach (var r in result.Rejections) errors.Add("file", r.ToString());
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: $"The file was not imported: {result.RejectedRows} of {result.Rows} rows are rejected.",
                    detail: "Nothing was written. Fix the rows listed and upload the file again.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = errors.ToDictionary(),
                        ["rejectedRows"] = result.RejectedRows,
                        ["rows"] = result.Rows,
                        ["rejections"] = result.Rejections.Select(r => new { line = r.Line, field = r.Field, reason = r.Reason }).ToList(),
                    });
            }
            return TypedResults.Ok(new ImportResultDto(result.Dataset, result.FileName, result.Rows, result.Inserted, result.Updated, result.Unchanged,
                0, result.CountryMonthsRecomputed, result.BatchId, Math.Round(result.Elapsed.TotalSeconds, 2)));
        }
        finally
        {
            tracker?.Finish();
        }
    }

    internal static IResult Progress(Guid id, AccessService access, ImportProgressBoard board) =>
        board.Read(id, access.Subject.UserId) is { } p
            ? TypedResults.Ok(new ImportProgressDto(p.Stage, p.Rows, p.Bytes, p.TotalBytes, p.Fraction))
            : ApiConventions.NotFound("Import");
}

/// <summary>The progress of the imports running on this node, each readable only by the user who started it.</summary>
public sealed class ImportProgressBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Tracker> _running = new();

    public Tracker Start(Guid id, string userId)
    {
        foreach (var old in _running.Where(r => r.Value.FinishedAt is { } at && time.GetUtcNow() - at > TimeSpan.FromMinutes(5)))
            _running.TryRemove(old.Key, out _);
        return _running[id] = new Tracker(userId, time);
    }

    public ImportProgress? Read(Guid id, string? userId) =>
        _running.TryGetValue(id, out var t) && t.UserId == userId ? t.Latest : null;

    public sealed class Tracker(string userId, TimeProvider time) : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();
        private ImportProgress _latest = new(0, 0, null, "uploaded");
        public string UserId { get; } = userId;
        public DateTimeOffset? FinishedAt { get; private set; }

        public ImportProgress Latest
        {
            get { lock (_gate) return _latest; }
        }

        public void Report(ImportProgress value)
        {
            lock (_gate) _latest = value;
        }

        public void Finish()
        {
            lock (_gate) _latest = _latest with { Stage = ImportStages.Done };
            FinishedAt = time.GetUtcNow();
        }
    }
}
