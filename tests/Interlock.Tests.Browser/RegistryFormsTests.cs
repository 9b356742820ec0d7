using System.Text;
using System.Text.RegularExpressions;
using Interlock.Data;
using Interlock.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>The registry's forms end to end: uploading a CSV with a bad row, and editing an organization.</summary>
public sealed class RegistryFormsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_upload_with_a_bad_row_shows_the_rejection_with_its_line_and_writes_nothing()
    {
        var good = "G" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var csv = "Code,Name (English),Name (French),Kind\r\n#org+code,#org+name+i_en,#org+name+i_fr,#org+type\r\n" +
                  $"{good},Good Organization,Bonne organisation,regionalArrangement\r\n" +
                  $"{good}X,Bad Organization,Mauvaise organisation,notAKind\r\n";

        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await GoToAsync("/registry/exchange");
        await Expect(ByTestId("download-contacts")).ToBeVisibleAsync();
        await ByTestId("import-kind").SelectOptionAsync("Organizations");
        await ByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "organizations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await ByTestId("import-submit").ClickAsync();

        var rejection = Page.Locator("[data-testid=rejection][data-line='4']");
        await Expect(rejection).ToHaveCountAsync(1);
        await Expect(rejection).ToContainTextAsync("Kind");
        await Expect(rejection).ToContainTextAsync("notAKind");
        await Expect(ByTestId("rejection")).ToHaveCountAsync(1);
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        Assert.False(await db.Organizations.AnyAsync(o => o.Code == good, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_administrator_edits_an_organization_and_a_bad_field_is_shown_on_that_field()
    {
        var code = await NewOrganizationAsync();

        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await GoToAsync($"/organizations/{code}");
        await ByTestId("org-edit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/organizations/{code}/edit$"));

        await ByTestId("org-name-en").FillAsync("Renamed Test Organization");
        await ByTestId("org-hq").FillAsync("XXX");
        await ByTestId("save-org").ClickAsync();
        await Expect(ByTestId("error-headquartersIso3")).ToContainTextAsync("XXX");
        await Expect(ByTestId("org-name-en")).ToHaveValueAsync("Renamed Test Organization");

        await ByTestId("org-hq").FillAsync("SEN");
        await ByTestId("org-established").FillAsync("2003");
        await ByTestId("save-org").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/organizations/{code}\\?saved=true$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Renamed Test Organization");
        await Expect(Page.Locator("dl.facts")).ToContainTextAsync("Senegal");
    }

    [Fact]
    public async Task An_administrator_records_a_cooperation_agreement_and_a_capability_through_the_forms()
    {
        var code = await NewOrganizationAsync();
        var title = "Framework for cooperation " + code;
        var description = "Mediation support team " + code;

        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await GoToAsync($"/organizations/{code}");
        await ByTestId("coop-new").ClickAsync();
        await ByTestId("coop-title").FillAsync(title);
        await ByTestId("coop-type").SelectOptionAsync("FrameworkAgreement");
        await ByTestId("coop-inForceFrom").FillAsync("2024-05-01");
        await ByTestId("coop-inForceTo").FillAsync("2024-04-01");
        await ByTestId("save-coop").ClickAsync();
        await Expect(ByTestId("error-inForceTo")).ToBeVisibleAsync();
        await ByTestId("coop-inForceTo").FillAsync("");
        await ByTestId("save-coop").ClickAsync();
        await Expect(ByTestId("org-agreements")).ToContainTextAsync(title);

        // The administrator's own organization (UN) records its capability; the link shows on its own profile only.
        await Expect(ByTestId("cap-new")).ToHaveCountAsync(0);
        await GoToAsync("/organizations/UN");
        await ByTestId("cap-new").ClickAsync();
        await ByTestId("cap-area-input").SelectOptionAsync("mediation");
        await ByTestId("cap-description").FillAsync(description);
        await ByTestId("cap-countries").FillAsync("MLI NER");
        await ByTestId("cap-readiness").FillAsync("10");
        await ByTestId("save-cap").ClickAsync();
        await Expect(ByTestId("org-capabilities")).ToContainTextAsync(description);
    }

    /// <summary>A fresh organization, so that renaming it leaves the seeded ones the other tests read alone.</summary>
    private async Task<string> NewOrganizationAsync()
    {
        var code = "E" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        if (Fixture.Unavailable is not null) return code; // OpenAsync skips the test
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        db.Organizations.Add(new Organization
        {
            Code = code, NameEn = $"Test organization {code}", NameFr = $"Organisation de test {code}", Kind = OrganizationKind.SubregionalOrganization,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return code;
    }
}
