using System.Net;
using System.Text.Json.Nodes;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration;

/// <summary>"Who covers this country": member organizations, capabilities whose scope covers it, their early-warning focal points.</summary>
public abstract class RegistryCoverageTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RegistryCoverageTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RegistryCoverageTests(f), IClassFixture<PostgresFixture>;

    private static JsonNode? Org(JsonNode coverage, string code) =>
        coverage["organizations"]!.AsArray().FirstOrDefault(o => o!["code"].Str() == code);

    [Fact]
    public async Task Coverage_lists_members_organizations_capabilities_and_readable_early_warning_focal_points()
    {
        var today = App.Clock.Today;
        var member = await App.NewOrganizationAsync("M");
        var provider = await App.NewOrganizationAsync("P");
        var elsewhere = await App.NewOrganizationAsync("E");
        var (_, memberAdmin) = await App.ApiUserAsync(member, Role.OrgAdmin);
        var (_, providerWriter) = await App.ApiUserAsync(provider, Role.Contributor);
        var (_, elsewhereWriter) = await App.ApiUserAsync(elsewhere, Role.Contributor);

        await (await memberAdmin.PostJsonAsync($"/api/v1/organizations/{member}/members", new { iso3 = "NER", joined = "2001" })).ExpectAsync(HttpStatusCode.Created);
        var open = await memberAdmin.CreatePersonAsync("partners", "Open Warner");
        await memberAdmin.AddFocalPointAsync(open, today.AddDays(-5));
        var dissemination = await memberAdmin.CreatePersonAsync("partners", "Not An Early Warner");
        await memberAdmin.AddFocalPointAsync(dissemination, today.AddDays(-5), purpose: "dissemination");
        var capability = await providerWriter.CreateCapabilityAsync("early-warning", 3, today, regions: ["202"]);
        var secret = await providerWriter.CreatePersonAsync("confidential", "Secret Warner");
        await providerWriter.AddFocalPointAsync(secret, today.AddDays(-5));
        await elsewhereWriter.CreateCapabilityAsync("early-warning", 3, today, countries: ["FRA"]);

        var (_, reader) = await App.ApiUserAsync("ECOWAS", Role.Reader);
        var coverage = await reader.GetJsonAsync("/api/v1/countries/ner/coverage");
        Assert.Equal("NER", coverage["country"]!["iso3"].Str());

        var m = Org(coverage, member)!;
        Assert.True(m["member"]!.GetValue<bool>());
        Assert.Equal("2001", m["memberSince"].Str());
        Assert.Equal(["Open Warner"], m["earlyWarningFocalPoints"]!.AsArray().Select(p => p!["fullName"].Str()));

        var p = Org(coverage, provider)!;
        Assert.False(p["member"]!.GetValue<bool>());
        var cap = Assert.Single(p["capabilities"]!.AsArray())!;
        Assert.Equal(capability["id"]!.GetValue<Guid>(), cap["id"]!.GetValue<Guid>());
        Assert.Contains("Sub-Saharan Africa (202)", cap["coverage"].Str());
        Assert.Empty(p["earlyWarningFocalPoints"]!.AsArray()); // confidential, no agreement

        Assert.Null(Org(coverage, elsewhere));
        // The seeded registry answers too: Niger is a member of the AU, which has capabilities for Africa; it left ECOWAS
        // in January 2025, whose capabilities for Western Africa still cover it.
        Assert.True(Org(coverage, "AU")!["member"]!.GetValue<bool>());
        Assert.NotEmpty(Org(coverage, "AU")!["capabilities"]!.AsArray());
        Assert.False(Org(coverage, "ECOWAS")!["member"]!.GetValue<bool>());
        Assert.NotEmpty(Org(coverage, "ECOWAS")!["capabilities"]!.AsArray());
        // Members' organizations come before the others.
        var flags = coverage["organizations"]!.AsArray().Select(o => o!["member"]!.GetValue<bool>()).ToList();
        Assert.Equal(flags.OrderByDescending(f => f), flags);

        // The provider's own users see their confidential focal point.
        var own = await providerWriter.GetJsonAsync("/api/v1/countries/NER/coverage");
        Assert.Equal(["Secret Warner"], Org(own, provider)!["earlyWarningFocalPoints"]!.AsArray().Select(x => x!["fullName"].Str()));

        // Anonymous callers see memberships and public capabilities only: no contacts, no partners-level capability.
        using var anonymous = App.Client();
        var open_ = await anonymous.GetJsonAsync("/api/v1/countries/NER/coverage");
        Assert.Empty(Org(open_, member)!["earlyWarningFocalPoints"]!.AsArray());
        Assert.Null(Org(open_, provider));

        await (await anonymous.GetAsync("/api/v1/countries/XXX/coverage")).ExpectAsync(HttpStatusCode.NotFound);
    }
}
