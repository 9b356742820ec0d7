using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>Uploading and downloading the registry's HXL CSV files through the API.</summary>
public static class ExchangeTestHelpers
{
    public static async Task<string> ExportCsvAsync(this HttpClient client, string type)
    {
        var response = await client.GetAsync($"/api/v1/exchange/{type}.csv");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Posts a CSV as a text/csv body, or as a multipart upload in the field 'file'.</summary>
    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient client, string type, string csv, bool multipart = false)
    {
        HttpContent content;
        if (multipart)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content = new MultipartFormDataContent { { file, "file", $"{type}.csv" } };
        }
        else content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return client.PostAsync($"/api/v1/exchange/{type}.csv", content);
    }

    /// <summary>(created, updated, unchanged) of a successful import.</summary>
    public static async Task<(int Created, int Updated, int Unchanged)> ImportOkAsync(this HttpClient client, string type, string csv, bool multipart = false)
    {
        var body = await (await client.ImportCsvAsync(type, csv, multipart)).ExpectJsonAsync(HttpStatusCode.OK);
        return (body["created"]!.GetValue<int>(), body["updated"]!.GetValue<int>(), body["unchanged"]!.GetValue<int>());
    }

    /// <summary>The (line, column) of every rejection of a refused import, with the reasons.</summary>
    public static async Task<List<(int Line, string Column, string Reason)>> ImportRejectedAsync(this HttpClient client, string type, string csv)
    {
        var body = await (await client.ImportCsvAsync(type, csv)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        return body["rejections"]!.AsArray()
            .Select(r => (r!["line"]!.GetValue<int>(), r["column"]!.GetValue<string>(), r["reason"]!.GetValue<string>())).ToList();
    }

    /// <summary>The data rows of an exported file (after the header and hashtag rows) that contain <paramref name="text"/>.</summary>
    public static List<string> RowsWith(string csv, string text) =>
        csv.TrimStart('\uFEFF').Split("\r\n").Skip(2).Where(l => l.Length > 0 && l.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>The header and hashtag rows of an exported file.</summary>
    public static string Head(string csv) => string.Join("\r\n", csv.TrimStart('\uFEFF').Split("\r\n").Take(2)) + "\r\n";

    public static JsonNode? OrganizationOf(JsonNode detail) => detail["organization"];
}
