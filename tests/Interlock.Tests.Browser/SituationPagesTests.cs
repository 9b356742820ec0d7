using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

public sealed class SituationPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Create_a_situation_add_a_note_and_see_it_on_the_timeline_with_the_ripeness_explanation()
    {
        var title = "Ouaka tensions " + Guid.NewGuid().ToString("N")[..6];
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");

        await GoToAsync("/situations");
        await ByTestId("new-situation").ClickAsync();
        await ByTestId("sit-title").FillAsync(title);
        await ByTestId("sit-country").FillAsync("CAF");
        await ByTestId("sit-areas").FillAsync("Ouaka");
        await ByTestId("sit-stage").SelectOptionAsync("PreventiveDiplomacy");
        await ByTestId("sit-org-AU").CheckAsync();
        await ByTestId("save-situation").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/situations/[0-9a-f-]{36}\?saved=true$"));
        await Expect(ByTestId("situation-title")).ToHaveTextAsync(title);
        await Expect(ByTestId("situation-stage")).ToHaveTextAsync("Preventive diplomacy");

        // The ripeness explanation: every condition with its state and facts.
        await Expect(ByTestId("ripeness-verdict")).ToBeVisibleAsync();
        await Expect(ByTestId("ripeness-condition")).ToHaveCountAsync(4);
        await Expect(Page.Locator("[data-testid=ripeness-condition][data-code=risk]")).ToContainTextAsync("Risk at Warning or above for 2 consecutive months");
        await Expect(Page.Locator("[data-testid=ripeness-condition][data-code=needs]")).ToContainTextAsync("Not evaluated yet");

        await ByTestId("note-text").FillAsync("Envoy briefed the Council on Bambari.");
        await ByTestId("save-note").ClickAsync();
        var note = Page.Locator("[data-testid=timeline-entry][data-type=Note]");
        await Expect(note).ToContainTextAsync("Envoy briefed the Council on Bambari.");

        // Filtered to notes only, the note stays and nothing else shows.
        await ByTestId("timeline-type-Note").CheckAsync();
        await ByTestId("timeline-filter-submit").ClickAsync();
        await Expect(ByTestId("timeline-entry")).ToHaveCountAsync(1);
        await Expect(ByTestId("ripeness")).ToBeVisibleAsync();
    }
}
