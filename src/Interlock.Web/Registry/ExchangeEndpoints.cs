using System.Text;
using Interlock.Data;
using Interlock.Registry.Exchange;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Interlock.Web.Registry;

public sealed record ExchangeResultDto(string Type, int Rows, int Created, int Updated, int Unchanged);

public sealed record ExchangeRejectionDto(int Line, string Column, string Reason);

/// <summary>
/// Registry records as CSV files with HXL hashtags (https://hxlstandard.org). Organizations, memberships and capabilities
/// export to anyone, filtered by the access policy; contacts only to a signed-in FocalPoint or higher, and only the
/// people they may read. An import (multipart field <c>file</c>, or a text/csv body) is all or nothing: 200 with counts,
/// or 400 listing every rejected row by line, column and reason, with nothing written.
/// </summary>
public static class ExchangeEndpoints
{
    public static void MapExchangeApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/exchange").WithTags("Exchange").AllowAnonymous();
        var api = app.MapGroup("/api/v1/exchange").WithTags("Exchange").RequireAuthorization();
        foreach (var kind in Enum.GetValues<ExchangeKind>())
        {
            var name = RegistryExchange.Name(kind);
            (kind == ExchangeKind.Contacts ? api : open)
                .MapGet($"/{name}.csv", (InterlockDbContext db, AccessService access, CancellationToken ct) => Export(kind, db, access, ct))
                .WithName($"Export{kind}Csv").Produces<string>(StatusCodes.Status200OK, HxlWriter.MediaType);
            api.MapPost($"/{name}.csv", (HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery, CancellationToken ct) =>
                    Import(kind, http, db, access, antiforgery, ct))
                .WithName($"Import{kind}Csv").Accepts<IFormFile>("multipart/form-data", HxlWriter.MediaType)
                .Produces<ExchangeResultDto>().ProducesValidationProblem()
                // Antiforgery is checked below for cookie callers only; a bearer token cannot be forged by another site.
                .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RegistryExchange.MaxFileBytes + 64 * 1024));
        }
    }

    internal static async Task<IResult> Export(ExchangeKind kind, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        if (!RegistryExchange.MayExport(kind, access.Subject))
            return ApiConventions.Forbidden("Contact details are personal data: only a FocalPoint, Analyst, OrgAdmin or Administrator exports them.");
        var csv = await RegistryExchange.ExportAsync(db, await ActorAsync(access, ct), kind, ct);
        // The byte order mark tells spreadsheet programs the file is UTF-8 (accented names stay readable); imports accept it.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, HxlWriter.MediaType + "; charset=utf-8", RegistryExchange.FileName(kind));
    }

    internal static async Task<IResult> Import(ExchangeKind kind, HttpContext http, InterlockDbContext db, AccessService access,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(http))
            return ApiConventions.Validation("__RequestVerificationToken", "The form's antiforgery token is missing or invalid; reload the page.");
        var text = await ReadFileAsync(http, ct);
        if (text is null)
            return ApiConventions.Validation("file", $"Send the CSV file as multipart/form-data in the field 'file', or as a text/csv body of at most {RegistryExchange.MaxFileBytes / 1024 / 1024} MB.");
        ExchangeResult result;
        try
        {
            result = await RegistryExchange.ImportAsync(db, await ActorAsync(access, ct), kind, text, ct);
        }
        catch (ExchangeDeniedException e)
        {
            return ApiConventions.Forbidden(e.Message);
        }
        if (result.Succeeded)
            return TypedResults.Ok(new ExchangeResultDto(RegistryExchange.Name(kind), result.Rows, result.Created, result.Updated, result.Unchanged));
        return Rejected(result);
    }

    internal static async Task<ExchangeActor> ActorAsync(AccessService access, CancellationToken ct) =>
        new(access.Subject, await access.GrantsAsync(ct), access.Today);

    /// <summary>400 with every rejection, as a list and (for clients that read problem details' errors) keyed by line.</summary>
    internal static IResult Rejected(ExchangeResult result)
    {
        var rejected = result.Rejections.Select(r => r.Line).Distinct().Count();
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: $"The file was not imported: {rejected} of {result.Rows} rows are rejected.",
            detail: "Nothing was written. Fix the rows listed and upload the file again.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = result.Rejections.GroupBy(r => $"line {r.Line}").ToDictionary(g => g.Key, g => g.Select(r => $"{r.Column}: {r.Reason}").ToArray()),
                ["rows"] = result.Rows,
                ["rejections"] = result.Rejections.Select(r => new ExchangeRejectionDto(r.Line, r.Column, r.Reason)).ToList(),
            });
    }

    /// <summary>The uploaded text, or null when there is none or it is too large.</summary>
    internal static async Task<string?> ReadFileAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length > RegistryExchange.MaxFileBytes) return null;
            await using var stream = file.OpenReadStream();
            return await ReadTextAsync(stream, ct);
        }
        if (http.Request.ContentLength > RegistryExchange.MaxFileBytes) return null;
        var text = await ReadTextAsync(http.Request.Body, ct);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static async Task<string> ReadTextAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(ct);
    }
}
