using Microsoft.AspNetCore.Http.Metadata;
using System.Net;
using System.Text.RegularExpressions;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Integration;

/// <summary>
/// Every endpoint the app maps says who may call it, every API route is documented, and the requirement is
/// really enforced: found by enumerating the app's own endpoints, so a new endpoint cannot be forgotten.
/// </summary>
public abstract partial class EndpointCoverageTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : EndpointCoverageTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : EndpointCoverageTests(f), IClassFixture<PostgresFixture>;

    /// <summary>
    /// Endpoints the framework maps that cannot carry authorization metadata, each with the reason it is harmless.
    /// Empty today: keep it that way unless a framework endpoint truly cannot be marked.
    /// </summary>
    private static readonly Dictionary<string, string> FrameworkExceptions = new(StringComparer.Ordinal)
    {
        ["{**path:file}"] = "MapStaticAssets' own fallback for asset files not in the build manifest (it serves only wwwroot, " +
                            "which is public); the AllowAnonymous convention on MapStaticAssets does not reach it",
        ["/_framework/opaque-redirect"] = "Blazor's redirect endpoint for enhanced navigation: it only redirects to a URL that the " +
                                          "server itself protected with data protection, and serves no data",
    };

    private List<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText} ({e.DisplayName})";

    [Fact]
    public void Every_endpoint_requires_authorization_or_is_explicitly_public()
    {
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/documents/");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/account/login");

        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !FrameworkExceptions.ContainsKey(e.RoutePattern.RawText ?? ""))
            .Select(Describe)
            .ToList();
        Assert.True(unmarked.Count == 0, "Endpoints without [Authorize]/RequireAuthorization or [AllowAnonymous]/AllowAnonymous:\n" +
                                         string.Join("\n", unmarked));
    }

    [Fact]
    public async Task Every_api_route_is_in_the_OpenAPI_document()
    {
        using var client = App.Client();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {Normalize(p.Key)}"))
            .ToHashSet();

        var api = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(api);
        var missing = api
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(route => !documented.Contains(route))
            .ToList();
        Assert.True(missing.Count == 0, "API routes missing from /openapi/v1.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_api_endpoint_that_requires_authorization_answers_401_to_an_anonymous_caller()
    {
        using var anonymous = App.Client();
        var failures = new List<string>();
        foreach (var e in Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            if (e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var request = new HttpRequestMessage(new HttpMethod(method), Sample(e.RoutePattern.RawText!));
                // Send the kind of body the endpoint accepts, so only authorization can turn the request away.
                var acceptsForm = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) == true;
                if (method is "POST" or "PUT")
                    request.Content = acceptsForm ? new MultipartFormDataContent { { new StringContent("id"), "file", "events.csv" } } : Http.RawJson("{}");
                var response = await anonymous.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{method} {request.RequestUri}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, "Protected endpoints that did not answer 401:\n" + string.Join("\n", failures));
    }

    /// <summary>"/api/v1/documents/{id:guid}" and "/api/v1/documents/" as OpenAPI writes them: "/api/v1/documents/{id}", "/api/v1/documents".</summary>
    private static string Normalize(string route)
    {
        var path = RouteConstraint().Replace(route, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>A concrete path for a route template: any guid for ids, a real organization code otherwise.</summary>
    private static string Sample(string route) =>
        RouteParameter().Replace(route, m => m.Groups[2].Value == "guid" ? Guid.NewGuid().ToString() : "AU");

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{\*?([^}:?=]+)(?::([a-z]+))?[^}]*\}")]
    private static partial Regex RouteParameter();
}
