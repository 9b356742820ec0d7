using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Nav => Page.GetByRole(AriaRole.Navigation);

    [Fact]
    public async Task Header_selector_switches_to_french_which_persists_across_navigation_and_back_to_english()
    {
        await OpenAsync("/organizations");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Registry" })).ToBeVisibleAsync();

        // The selector submits its form on change: /culture sets the cookie and redirects back here.
        await ByTestId("culture-select").SelectOptionAsync("fr");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page).ToHaveURLAsync(new Regex("/organizations$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Organisations");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Registre" })).ToBeVisibleAsync();
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Accueil" })).ToBeVisibleAsync();
        await Expect(ByTestId("org-table").Locator("thead")).ToContainTextAsync("Sigle");
        await Expect(ByTestId("org-table").Locator("thead")).ToContainTextAsync("États membres");
        await Expect(ByTestId("culture-select")).ToHaveValueAsync("fr");
        Assert.Contains(await Page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("fr"));

        // Plain navigation (no query string): the cookie alone keeps French.
        await Nav.GetByRole(AriaRole.Link, new() { Name = "Alerte rapide" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/early-warning$"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Alerte rapide");
        await Expect(ByTestId("risk-table").Locator("thead")).ToContainTextAsync("Niveau");

        await Nav.GetByRole(AriaRole.Link, new() { Name = "Registre" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Organisations");

        await ByTestId("culture-select").SelectOptionAsync("en");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page).ToHaveURLAsync(new Regex("/organizations$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Organizations");
        await Expect(Nav.GetByRole(AriaRole.Link, new() { Name = "Registry" })).ToBeVisibleAsync();
        await Expect(ByTestId("culture-select")).ToHaveValueAsync("en");
    }
}
