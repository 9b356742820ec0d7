using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.EarlyWarning.Exchange;

/// <summary>The API calls the observation, incident and situation tests share.</summary>
internal static class ExchangeCalls
{
    public static object Observation(string classification, string month = "2024-03", string indicator = "displacement", double value = 1200,
        string country = "CAF", string? admin1 = null) => new
    {
        indicator, country, admin1, month, value, source = "OCHA situation report", sourceReliability = "B", informationCredibility = 2,
        note = "Written by an integration test.", classification,
    };

    public static async Task<JsonNode> SubmitObservationAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/observations", body)).ExpectJsonAsync(HttpStatusCode.Created);

    public static object Incident(string classification, string date = "2024-03-14", int fatalities = 4, string precision = "oneDegree") => new
    {
        date, country = "CAF", admin1 = "Ouaka", place = "Bambari", latitude = 5.76543, longitude = 20.67321, precision, violenceType = "oneSided",
        incidentType = "Attack on a village market", sideA = "Armed group", sideB = "Civilians", fatalities, source = "Field monitor",
        description = (string?)null, classification,
    };

    public static async Task<JsonNode> ReportIncidentAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/incidents", body)).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> UploadCsvAsync(this HttpClient client, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync("/api/v1/observations/import", new MultipartFormDataContent { { file, "file", "observations.csv" } });
    }

    /// <summary>A month unique to one test, so tests sharing a database do not see each other's rows (the months before the test clock's today).</summary>
    public static string UniqueMonth() => new DateOnly(2001, 1, 1).AddMonths(Interlocked.Increment(ref _month) % 270).ToString("yyyy-MM");

    private static int _month = Random.Shared.Next(0, 270);
}
