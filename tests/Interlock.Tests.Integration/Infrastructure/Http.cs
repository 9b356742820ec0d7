using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>Small helpers for calling the JSON API the way a client does: bodies, If-Match, problem details.</summary>
public static class Http
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, Options), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"Empty JSON from {response.RequestMessage?.RequestUri}.");
    }

    /// <summary>Asserts the status and returns the JSON body; the message shows the body when the status differs.</summary>
    public static async Task<JsonNode> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ExpectAsync(status);
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string uri, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.GetAsync(uri)).ExpectJsonAsync(status);

    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode == status) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status} {status}, got " +
                    $"{(int)response.StatusCode} {response.StatusCode}: {body}");
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string uri, HttpContent? content = null,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string uri, object body, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Put, uri, Json(body), ifMatch);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object body, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Post, uri, Json(body), ifMatch);

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"No ETag on {response.RequestMessage?.RequestUri}.");

    /// <summary>The field names of a validation problem's <c>errors</c> object.</summary>
    public static async Task<IReadOnlyList<string>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        var body = await response.ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.MediaType ?? "");
        var errors = body["errors"]?.AsObject() ?? throw new InvalidOperationException($"No errors object in {body.ToJsonString()}.");
        return errors.Select(e => e.Key).ToList();
    }

    public static string Str(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("Missing string.");
}
