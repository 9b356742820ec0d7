using System.Text.Json;
using System.Text.Json.Serialization;
using Interlock.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Interlock.Web.Api;

/// <summary>
/// What every endpoint under /api/v1 shares: camelCase JSON that rejects unknown fields, enums as strings,
/// RFC 9457 problem details whose errors name the field, and ETag / If-Match concurrency.
/// </summary>
public static class ApiConventions
{
    public static void ConfigureJson(JsonOptions o)
    {
        o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(ConfigureJson);
        // Let body-binding failures reach ApiExceptionHandler, which names the field, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static IResult Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static IResult Validation(string field, string message) => Validation(new ValidationErrors().Add(field, message));

    /// <summary>404 for records that do not exist and for records the caller may not see: no existence leak.</summary>
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static IResult Forbidden(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not do this.", detail: reason);

    public static string ETagOf(IVersioned record) => $"\"{record.Version}\"";

    /// <summary>Checks If-Match for an update or delete: required, and it must name the current version.</summary>
    public static IResult? CheckIfMatch(HttpContext http, IVersioned record)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.",
                detail: "Send the ETag you read in If-Match, so that nobody's change is overwritten.");
        var current = ETagOf(record);
        var matches = ifMatch.Split(',').Select(t => t.Trim()).Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t)
            .Any(t => t == "*" || t == current);
        return matches ? null : PreconditionFailed();
    }

    public static IResult PreconditionFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The record has changed since you read it.",
            detail: "Read it again, and apply your change to the current version.");
}

/// <summary>Turns body-reading errors and domain rule violations into 400 problem details naming the field.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            DomainValidationException v => (400, "The request has invalid fields.", v.Errors.ToDictionary()),
            BadHttpRequestException { InnerException: JsonException j } => (400, "The request body is not valid JSON for this endpoint.", JsonErrors(j)),
            BadHttpRequestException b => (b.StatusCode, b.Message, null),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (412, "The record has changed since you read it.", null),
            _ => (0, "", null),
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        var details = new HttpValidationProblemDetails(errors ?? new Dictionary<string, string[]>()) { Status = status, Title = title };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    private static IDictionary<string, string[]> JsonErrors(JsonException j)
    {
        // The path is like "$.classification" or "$.parties[1]"; name the field as the client wrote it.
        var field = string.IsNullOrEmpty(j.Path) || j.Path == "$" ? "$" : j.Path.StartsWith("$.", StringComparison.Ordinal) ? j.Path[2..] : j.Path;
        var message = j.Message.Split(" Path:", 2)[0];
        if (j.Message.Contains("could not be mapped", StringComparison.Ordinal))
            message = $"Unknown field '{field}'.";
        else if (j.Message.Contains("could not be converted", StringComparison.Ordinal))
            message = $"The value of '{field}' is not of the expected type or is not one of the allowed values (see /openapi/v1.json).";
        return new Dictionary<string, string[]> { [field] = [message] };
    }
}
