namespace Interlock.Tests.Browser;

public sealed class ModuleTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/modules/resources", "Resources")]
    [InlineData("/modules/monitoring", "Monitoring")]
    public async Task A_module_not_built_yet_says_so_plainly(string path, string title)
    {
        await OpenAsync(path);

        await Expect(Page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(ByTestId("not-built")).ToHaveTextAsync("This module is not built yet. It is planned; nothing on this page is real data.");
        await Expect(Page).ToHaveTitleAsync($"{title} · Interlock");
    }
}
