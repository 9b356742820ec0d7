using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>The early-warning map and country page on the data shipped and loaded on first start.</summary>
public sealed class EarlyWarningPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Clicking_a_country_on_the_map_shows_its_chart_and_reasons()
    {
        await OpenAsync("/early-warning");
        var map = ByTestId("world-map");
        await Expect(map).ToBeVisibleAsync();
        // Every country with a level is a link; the table says the same in text.
        Assert.True(await map.Locator("a[data-iso3]").CountAsync() > 150);
        await Expect(ByTestId("risk-table")).ToContainTextAsync("Central African Republic");
        // States too small for the 1:110m boundaries are dots that link to their page too.
        await Expect(map.Locator("a[data-iso3=CPV] circle")).ToHaveCountAsync(1);

        await map.Locator("a[data-iso3=CAF]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/early-warning/countries/CAF$"));
        await Expect(ByTestId("country-title")).ToContainTextAsync("Central African Republic");
        var chart = ByTestId("fatalities-chart");
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("rect").CountAsync() > 50);
        await Expect(chart.Locator("title")).ToContainTextAsync("Monthly fatalities by type of violence in Central African Republic");
        await Expect(ByTestId("risk-reasons").Locator("li").First).ToContainTextAsync("State-based violence fatalities 10 in 2024-04");
        await Expect(ByTestId("risk-level").First).ToHaveTextAsync("Watch");
        await Expect(ByTestId("indicator-table").Locator("tr[data-indicator=spillover]")).ToContainTextAsync("SDN");
    }
}
