using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

public sealed class DirectoryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator OrgRow(string code) =>
        ByTestId("org-table").Locator("tbody tr").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }) });

    // Exact name: "Niger" must not also match "Nigeria".
    private ILocator MemberRow(string state) =>
        ByTestId("member-table").Locator("tbody tr").Filter(new() { Has = Page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^{Regex.Escape(state)}$") }) });

    [Fact]
    public async Task Directory_lists_real_organizations_with_member_counts()
    {
        await OpenAsync("/organizations");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("Organizations");
        foreach (var code in new[] { "ECOWAS", "AU", "OSCE", "UN" })
            await Expect(OrgRow(code)).ToHaveCountAsync(1);

        await Expect(OrgRow("ECOWAS")).ToContainTextAsync("Economic Community of West African States");
        // Burkina Faso, Mali and Niger left on 29 January 2025, Mauritania in 2000: 12 current members.
        await Expect(OrgRow("ECOWAS").Locator("td.num")).ToHaveTextAsync("12");
        await Expect(OrgRow("OSCE").Locator("td.num")).ToHaveTextAsync("57");
        await Expect(OrgRow("AU").Locator("td.num")).ToHaveTextAsync(new Regex(@"^\d{2}$"));
        Assert.True(await ByTestId("org-table").Locator("tbody tr").CountAsync() > 20, "the directory should list the seeded organizations");
    }

    [Fact]
    public async Task Searching_ecowas_narrows_to_ecowas_whose_profile_shows_who_left_in_2025()
    {
        await OpenAsync("/organizations");

        await ByTestId("org-search").FillAsync("ecowas");
        await ByTestId("org-search").PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/organizations\?q=ecowas"));
        await Expect(ByTestId("org-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(OrgRow("ECOWAS")).ToHaveCountAsync(1);
        await Expect(ByTestId("org-search")).ToHaveValueAsync("ecowas");

        await Page.GetByRole(AriaRole.Link, new() { Name = "ECOWAS", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/organizations/ECOWAS$"));
        await Expect(Page.Locator("h1")).ToContainTextAsync("Economic Community of West African States");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Member states (12 current)" })).ToBeVisibleAsync();

        foreach (var state in new[] { "Burkina Faso", "Mali", "Niger" })
        {
            var row = MemberRow(state);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToHaveClassAsync("former");
            await Expect(row.Locator("td").Nth(2)).ToContainTextAsync("2025");
        }

        var nigeria = MemberRow("Nigeria");
        await Expect(nigeria).ToHaveCountAsync(1);
        await Expect(nigeria).Not.ToHaveClassAsync(new Regex("former"));
        await Expect(nigeria.Locator("td").Nth(2)).ToBeEmptyAsync();
    }
}
