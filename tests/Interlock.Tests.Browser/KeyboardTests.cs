using System.Text.RegularExpressions;

namespace Interlock.Tests.Browser;

/// <summary>A smoke test of keyboard use: no mouse, only Tab, typing and Enter.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_main()
    {
        await OpenAsync("/organizations");

        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("a.skip-link", await FocusedAsync());
        await Expect(Page.Locator(".skip-link")).ToHaveTextAsync("Skip to content");
        await Expect(Page.Locator(".skip-link")).ToBeInViewportAsync(); // visible once focused

        await Page.Keyboard.PressAsync("Enter");

        // Same page, only the fragment changes (a bare "#main" under <base href="/"> would load the home page instead).
        await Expect(Page).ToHaveURLAsync(new Regex("/organizations#main$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Organizations");
        Assert.Equal("main#main", await FocusedAsync());
        // The next Tab continues inside main: the page's "Import and export" link, then the directory's search box.
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("/registry/exchange", await Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("org-search", await FocusedAsync());
    }

    [Fact]
    public async Task Login_form_can_be_completed_with_the_keyboard_only()
    {
        await OpenAsync("/account/login");

        // Tab until the user name field has focus; it must be reachable, and without a trip through the whole page.
        var presses = 0;
        while (await FocusedAsync() != "username")
        {
            Assert.True(++presses <= 30, $"user name field not reached after 30 Tab presses (focus on {await FocusedAsync()})");
            await Page.Keyboard.PressAsync("Tab");
        }

        await Page.Keyboard.TypeAsync(InterlockWebServer.AdminUserName);
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await FocusedAsync());
        await Page.Keyboard.TypeAsync(Server.AdminPassword);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await Expect(ByTestId("user-org")).ToHaveTextAsync("UN");
    }
}
