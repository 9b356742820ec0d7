using System.Net;
using System.Text.Json.Nodes;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>
/// API calls the registry and capability tests share. Each test makes its own organizations (through the API, as the
/// secretariat's Administrator), so tests that share a host never see each other's people or capabilities.
/// </summary>
public static class RegistryTestHelpers
{
    /// <summary>A new organization with a unique code; returns the code.</summary>
    public static async Task<string> NewOrganizationAsync(this InterlockFactory app, string prefix = "T", string kind = "subregionalOrganization")
    {
        var (_, admin) = await app.ApiUserAsync("UN", Role.Administrator, name: "secretariat-admin");
        var code = $"{prefix}{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await (await admin.PostJsonAsync("/api/v1/organizations", new
        {
            code, nameEn = $"Test organization {code}", nameFr = $"Organisation de test {code}", kind, chapterViii = true,
        })).ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    public static async Task<Guid> CreatePersonAsync(this HttpClient writer, string classification, string? name = null, string? email = null)
    {
        var body = await (await writer.PostJsonAsync("/api/v1/people", new
        {
            fullName = name ?? $"Person {Guid.NewGuid():N}"[..20],
            classification,
            jobTitle = "Political Affairs Officer",
            languages = new[] { "en", "fr" },
            email = email ?? "someone@example.org",
            phone = "+1 212 963 1234",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> AddRoleAsync(this HttpClient writer, Guid personId, object role) =>
        writer.PostJsonAsync($"/api/v1/people/{personId}/roles", role);

    public static async Task<Guid> AddFocalPointAsync(this HttpClient writer, Guid personId, DateOnly start, DateOnly? end = null,
        string purpose = "earlyWarning")
    {
        var body = await (await writer.AddRoleAsync(personId, new { kind = "focalPoint", purpose, start = Day(start), end = end is { } e ? Day(e) : null }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> CreateCapabilityAsync(this HttpClient writer, string areaCode, int readinessDays, DateOnly lastVerified,
        string[]? countries = null, string[]? regions = null, bool global = false, string classification = "partners", string? description = null) =>
        await (await writer.PostJsonAsync("/api/v1/capabilities", new
        {
            areaCode,
            description = description ?? $"{areaCode} capability {Guid.NewGuid():N}",
            readinessDays,
            lastVerified = Day(lastVerified),
            classification,
            global,
            scopeCountries = countries ?? [],
            scopeRegions = regions ?? [],
            mandateBasis = "Founding treaty",
        })).ExpectJsonAsync(HttpStatusCode.Created);

    /// <summary>Records a sharing agreement between two organizations and has the second one confirm it.</summary>
    public static async Task SharingAgreementAsync(this InterlockFactory app, string a, string b, DateOnly from, DateOnly? to, string[] categories,
        string ceiling = "confidential")
    {
        var (_, aAdmin) = await app.ApiUserAsync(a, Role.OrgAdmin);
        var (_, bAdmin) = await app.ApiUserAsync(b, Role.OrgAdmin);
        var agreement = await aAdmin.CreateAgreementAsync([a, b], from, to, ceiling, categories);
        await bAdmin.ConfirmAgreementAsync(agreement["id"]!.GetValue<Guid>());
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static async Task<List<Guid>> ItemIdsAsync(this HttpClient client, string uri, string idField = "id")
    {
        var page = await client.GetJsonAsync(uri);
        return page["items"]!.AsArray().Select(i => i![idField]!.GetValue<Guid>()).ToList();
    }
}
