using System.Net;
using System.Text.Json.Nodes;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>The division-of-labour API calls the tests share, with real cases: ECOWAS and the UN in Liberia, the AU and the UN in Sudan.</summary>
internal static class DivisionCalls
{
    public static async Task<Guid> SituationAsync(this HttpClient client, string country, string classification = "partners") =>
        Guid.Parse((await (await client.PostJsonAsync("/api/v1/situations", new
        {
            title = $"{country} transition {Guid.NewGuid():N}", description = "Written by a division-of-labour test.", country,
            admin1Areas = Array.Empty<string>(), stage = "peacebuilding", organizations = Array.Empty<string>(), watchFrom = "2001-01-01", classification,
        })).ExpectJsonAsync(HttpStatusCode.Created))["id"].Str());

    public static object Need(Guid situation, string country, string classification = "partners", string area = "peacekeeping",
        string startOn = "2003-08-01") => new
    {
        situationId = situation, areaCode = area, priority = "high", countryIso3 = country, startOn, neededWithinDays = 30,
        notes = "Stabilize the capital after the ceasefire.", classification,
    };

    public static object Engagement(string organization, string country, Guid? situation, string classification = "partners", string startOn = "2003-08-04",
        string? endOn = null, string form = "coDeployment", string role = "lead", string area = "peacekeeping") => new
    {
        organization, areaCode = area, countryIso3 = country, startOn, endOn, form, role, status = "active", situationId = situation,
        activity = $"{organization} mission", mandateKind = "securityCouncil", mandateReference = "S/RES/1497 (2003)", classification,
    };

    public static object Transition(Guid situation, Guid from, Guid to, string classification = "partners", string targetDate = "2003-10-01") => new
    {
        situationId = situation, title = "ECOMIL to UNMIL", fromEngagementId = from, toEngagementId = to, targetDate, notes = "Re-hatting on 1 October.",
        classification,
    };

    public static object Cooperation(string[] participants, Guid? situation, string? country, string classification = "partners",
        string startOn = "2003-08-15") => new
    {
        type = "jointAssessmentMission", setting = "field", title = $"Joint assessment mission {Guid.NewGuid():N}", startOn, endOn = startOn,
        participants, situationId = situation, countryIso3 = country, outcome = "Agreed the sequence of the hand-over.", classification,
    };

    public static async Task<JsonNode> CreatedAsync(this HttpClient client, string uri, object body) =>
        await (await client.PostJsonAsync(uri, body)).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<Guid> CreateIdAsync(this HttpClient client, string uri, object body) =>
        Guid.Parse((await client.CreatedAsync(uri, body))["id"].Str());

    /// <summary>The ids on the first page (500) of a list.</summary>
    public static async Task<HashSet<Guid>> ListedAsync(this HttpClient client, string uri)
    {
        var page = await client.GetJsonAsync(uri + (uri.Contains('?') ? "&" : "?") + "limit=500");
        return page["items"]!.AsArray().Select(i => Guid.Parse(i!["id"].Str())).ToHashSet();
    }

    public static async Task<string> ETagAsync(this HttpClient client, string uri)
    {
        var r = await client.GetAsync(uri);
        await r.ExpectAsync(HttpStatusCode.OK);
        return r.ETag();
    }
}
