namespace Interlock.Tests.Browser;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_signs_in_on_the_login_page_sees_name_and_organization_then_signs_out()
    {
        await OpenAsync("/account/login");
        await Expect(ByTestId("sign-in-link")).ToBeVisibleAsync();

        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);

        await Expect(Page).ToHaveURLAsync(Server.BaseAddress.ToString());
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await Expect(ByTestId("user-org")).ToHaveTextAsync("UN");
        await Expect(ByTestId("sign-in-link")).ToHaveCountAsync(0);
        Assert.Contains(await Page.Context.CookiesAsync(), c => c.Name == "interlock.auth");

        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(ByTestId("sign-in-link")).ToBeVisibleAsync();
        await Expect(ByTestId("whoami")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), c => c.Name == "interlock.auth");
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_and_stays_on_the_login_page()
    {
        await OpenAsync("/account/login");

        await SignInAsync(InterlockWebServer.AdminUserName, "not-the-password-at-all");

        await Expect(ByTestId("login-error")).ToHaveTextAsync("The user name or password is wrong.");
        await Expect(Page).ToHaveURLAsync(new Uri(Server.BaseAddress, "/account/login").ToString());
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(ByTestId("sign-in-link")).ToBeVisibleAsync();
        Assert.DoesNotContain(await Page.Context.CookiesAsync(), c => c.Name == "interlock.auth");
    }
}
