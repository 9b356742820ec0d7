using System.Net;
using System.Text.Json.Nodes;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>The API calls several test classes make, written once: creating documents and sharing agreements.</summary>
public static class ApiCalls
{
    /// <summary>Creates a document through the API and returns its id; <paramref name="classification"/> as JSON spells it.</summary>
    public static async Task<Guid> CreateDocumentAsync(this HttpClient client, string classification, string? title = null)
    {
        var body = await (await client.PostJsonAsync("/api/v1/documents", new
        {
            title = title ?? $"{classification} report {Guid.NewGuid():N}",
            classification,
            symbol = "S/2024/1",
            publishedOn = "2024-05-01",
            summary = "Written by an integration test.",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    /// <summary>The ids of the documents the caller can list (all pages of one owner's, at most 500).</summary>
    public static async Task<HashSet<Guid>> ListedDocumentIdsAsync(this HttpClient client, string owner)
    {
        var page = await client.GetJsonAsync($"/api/v1/documents?owner={owner}&limit=500");
        return page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<Guid>()).ToHashSet();
    }

    /// <summary>Records an information-sharing agreement (as an OrgAdmin of one party) and returns it.</summary>
    public static async Task<JsonNode> CreateAgreementAsync(this HttpClient orgAdmin, string[] parties, DateOnly validFrom, DateOnly? validTo,
        string ceiling = "confidential", string[]? dataCategories = null) =>
        await (await orgAdmin.PostJsonAsync("/api/v1/sharing-agreements", new
        {
            title = $"Information sharing {string.Join("-", parties)} {Guid.NewGuid():N}",
            parties,
            dataCategories = dataCategories ?? ["knowledge.document"],
            ceiling,
            validFrom = validFrom.ToString("yyyy-MM-dd"),
            validTo = validTo?.ToString("yyyy-MM-dd"),
            documentReference = "Exchange of letters",
        })).ExpectJsonAsync(HttpStatusCode.Created);

    /// <summary>Confirms an agreement for the caller's organization, with the ETag just read.</summary>
    public static async Task ConfirmAgreementAsync(this HttpClient orgAdmin, Guid agreementId)
    {
        var read = await orgAdmin.GetAsync($"/api/v1/sharing-agreements/{agreementId}");
        await read.ExpectAsync(HttpStatusCode.OK);
        var confirm = await orgAdmin.SendAsync(HttpMethod.Post, $"/api/v1/sharing-agreements/{agreementId}/confirm", ifMatch: read.ETag());
        await confirm.ExpectAsync(HttpStatusCode.NoContent);
    }
}
