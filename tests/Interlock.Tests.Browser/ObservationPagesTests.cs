using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

public sealed class ObservationPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Submit_revise_and_see_the_history_then_a_bad_csv_is_rejected_by_line()
    {
        var month = new DateOnly(2003, 1, 1).AddMonths(Random.Shared.Next(0, 200)).ToString("yyyy-MM");
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");

        await GoToAsync("/early-warning/observations/new");
        await ByTestId("obs-indicator").SelectOptionAsync("displacement");
        await ByTestId("obs-country").FillAsync("CAF");
        await ByTestId("obs-month").FillAsync(month);
        await ByTestId("obs-value").FillAsync("1200");
        await ByTestId("obs-source").FillAsync("OCHA situation report");
        await ByTestId("obs-reliability").SelectOptionAsync("B");
        await ByTestId("obs-credibility").SelectOptionAsync("2");
        await ByTestId("save-observation").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/early-warning/observations/[0-9a-f-]{36}\?saved=true$"));
        await Expect(ByTestId("observation-revision")).ToHaveTextAsync("1");

        await ByTestId("revise-observation").ClickAsync();
        await ByTestId("obs-value").FillAsync("15000");
        await ByTestId("obs-correction").FillAsync("Late reports from Bambari");
        await ByTestId("save-revision").ClickAsync();
        await Expect(ByTestId("observation-revision")).ToHaveTextAsync("2");
        await Expect(ByTestId("revision-row")).ToHaveCountAsync(2);
        await Expect(ByTestId("revision-row").Nth(1)).ToContainTextAsync("Late reports from Bambari");

        await GoToAsync("/early-warning/observations/import");
        var csv = "indicator,country,month,value,source,source_reliability,information_credibility,classification\n" +
                  $"protests,CAF,{month},3,Press,B,2,Public\nprotests,CAF,{month}-40,x,Press,B,2,Public\n";
        await ByTestId("obs-file").SetInputFilesAsync(new FilePayload { Name = "obs.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await ByTestId("import-submit").ClickAsync();
        await Expect(ByTestId("import-rejected")).ToContainTextAsync("line 3, month");
        await Expect(ByTestId("import-rejection")).ToHaveCountAsync(2);
    }
}
