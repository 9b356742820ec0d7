using System.Text;
using Interlock.Data;
using Interlock.DivisionOfLabour.Exchange;
using Interlock.Registry.Exchange;
using Interlock.Web.Api;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Interlock.Web.DivisionOfLabour;

/// <summary>
/// Engagements as a 3W CSV and needs as a CSV, both with HXL hashtags, as the registry's exchange does it: the export is
/// open to anyone and filtered by the access policy (anonymous callers get the public records); an import (multipart
/// field <c>file</c>, or a text/csv body) needs a signed-in writer and is all or nothing: 200 with counts, or 400 listing
/// every rejected row by line, column and reason, with nothing written.
/// </summary>
public static class DivisionExchangeEndpoints
{
    public static void MapDivisionExchangeApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/exchange").WithTags("Exchange").AllowAnonymous();
        var api = app.MapGroup("/api/v1/exchange").WithTags("Exchange").RequireAuthorization();
        foreach (var kind in Enum.GetValues<DivisionExchangeKind>())
        {
            var name = DivisionExchange.Name(kind);
            open.MapGet($"/{name}.csv", (InterlockDbContext db, AccessService access, CancellationToken ct) => Export(kind, db, access, ct))
                .WithName($"Export{kind}Csv").Produces<string>(StatusCodes.Status200OK, HxlWriter.MediaType);
            api.MapPost($"/{name}.csv", (HttpContext http, InterlockDbContext db, AccessService access, IAntiforgery antiforgery, CancellationToken ct) =>
                    Import(kind, http, db, access, antiforgery, ct))
                .WithName($"Import{kind}Csv").Accepts<IFormFile>("multipart/form-data", HxlWriter.MediaType)
                .Produces<ExchangeResultDto>().ProducesValidationProblem()
                // Antiforgery is checked below for cookie callers only; a bearer token cannot be forged by another site.
                .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(RegistryExchange.MaxFileBytes + 64 * 1024));
        }
    }

    private static async Task<IResult> Export(DivisionExchangeKind kind, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var csv = await DivisionExchange.ExportAsync(db, await ExchangeEndpoints.ActorAsync(access, ct), kind, ct);
        // The byte order mark tells spreadsheet programs the file is UTF-8; imports accept it.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, HxlWriter.MediaType + "; charset=utf-8", DivisionExchange.FileName(kind));
    }

    private static async Task<IResult> Import(DivisionExchangeKind kind, HttpContext http, InterlockDbContext db, AccessService access,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await antiforgery.IsRequestValidAsync(http))
            return ApiConventions.Validation("__RequestVerificationToken", "The form's antiforgery token is missing or invalid; reload the page.");
        if (!access.Subject.CanUseWriteScope) return ApiConventions.Forbidden("The token's scope is read-only.");
        var text = await ExchangeEndpoints.ReadFileAsync(http, ct);
        if (text is null)
            return ApiConventions.Validation("file", $"Send the CSV file as multipart/form-data in the field 'file', or as a text/csv body of at most {RegistryExchange.MaxFileBytes / 1024 / 1024} MB.");
        ExchangeResult result;
        try
        {
            result = await DivisionExchange.ImportAsync(db, await ExchangeEndpoints.ActorAsync(access, ct), kind, text, ct);
        }
        catch (ExchangeDeniedException e)
        {
            return ApiConventions.Forbidden(e.Message);
        }
        return result.Succeeded
            ? TypedResults.Ok(new ExchangeResultDto(DivisionExchange.Name(kind), result.Rows, result.Created, result.Updated, result.Unchanged))
            : ExchangeEndpoints.Rejected(result);
    }
}
