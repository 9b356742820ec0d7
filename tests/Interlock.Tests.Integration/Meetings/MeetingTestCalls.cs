using System.Net;
using System.Text.Json.Nodes;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>The meetings API calls the test classes share.</summary>
public static class MeetingTestCalls
{
    public static async Task<JsonNode> CreateMeetingAsync(this HttpClient client, string classification = "partners", string kind = "workingLevel",
        string? startsOn = null, string[]? participants = null, string? title = null) =>
        await (await client.PostJsonAsync("/api/v1/meetings", new
        {
            kind,
            title = title ?? $"Working-level meeting {Guid.NewGuid():N}",
            startsOn = startsOn ?? "2026-03-10",
            endsOn = startsOn ?? "2026-03-11",
            classification,
            venue = "Addis Ababa",
            chair = "Commissioner for Peace and Security",
            theme = "Early warning",
            participants = (participants ?? ["AU", "ECOWAS"]).Select(p => new { organization = p, level = "representative" }).ToArray(),
            agenda = new[] { "Common indicators", "Exchange of liaison officers" },
        })).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateDecisionAsync(this HttpClient client, Guid meetingId, string[] owners, string classification = "partners",
        string? dueOn = null, int? recurrenceMonths = null, string status = "agreed") =>
        await (await client.PostJsonAsync("/api/v1/decisions", new
        {
            meetingId,
            text = $"Exchange lists of staff officers {Guid.NewGuid():N}",
            owners,
            classification,
            reference = "§1",
            dueOn,
            recurrenceMonths,
            status,
        })).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> ChangeStatusAsync(this HttpClient client, Guid decisionId, object body, bool withIfMatch = true)
    {
        string? etag = null;
        if (withIfMatch)
        {
            var read = await client.GetAsync($"/api/v1/decisions/{decisionId}");
            if (read.StatusCode == HttpStatusCode.OK) etag = read.ETag();
        }
        return await client.PostJsonAsync($"/api/v1/decisions/{decisionId}/status", body, etag ?? (withIfMatch ? "\"0\"" : null));
    }

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();
}
