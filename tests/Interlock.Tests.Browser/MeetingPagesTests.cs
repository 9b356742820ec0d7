using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>The meetings pages end to end: the 2001 meeting, a status change with evidence, and the dashboard's figures moving.</summary>
public sealed class MeetingPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<int> TotalAsync(string bucket) =>
        int.Parse(await ByTestId($"total-{bucket}").GetAttributeAsync("data-count") ?? "-1");

    [Fact]
    public async Task Marking_a_decision_of_the_2001_meeting_implemented_moves_the_dashboard()
    {
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");

        await GoToAsync("/standing-committee");
        await Expect(ByTestId("report-chart").First).ToBeVisibleAsync();
        var implementedBefore = await TotalAsync("Implemented");
        var unknownBefore = await TotalAsync("Unknown");

        await GoToAsync("/meetings");
        await Page.Locator("[data-testid=meeting-row][data-key=hlm-2001] a").ClickAsync();
        await Expect(ByTestId("meeting-title")).ToHaveTextAsync("Fourth High-level United Nations-Regional Organizations Meeting");
        await Expect(ByTestId("participant-row")).ToHaveCountAsync(44);
        await Expect(ByTestId("meeting-decisions").GetByTestId("decision-row")).ToHaveCountAsync(23);

        var decision = ByTestId("meeting-decisions").GetByTestId("decision-link").First;
        var text = await decision.InnerTextAsync();
        await decision.ClickAsync();
        await Expect(ByTestId("decision-text")).ToHaveTextAsync(text);
        await Expect(ByTestId("decision-status")).ToHaveAttributeAsync("data-status", "Unknown");

        await ByTestId("status-select").SelectOptionAsync("Implemented");
        await ByTestId("evidence-url").FillAsync("https://example.org/peacebuilding-units");
        await ByTestId("evidence-note").FillAsync("Peace-building units established and channels of communication in use");
        await ByTestId("status-note").FillAsync("Confirmed by the standing committee");
        await ByTestId("status-submit").ClickAsync();

        await Expect(ByTestId("status-saved")).ToBeVisibleAsync();
        await Expect(ByTestId("decision-status")).ToHaveAttributeAsync("data-status", "Implemented");
        await Expect(ByTestId("evidence")).ToContainTextAsync("https://example.org/peacebuilding-units");
        await Expect(ByTestId("status-history")).ToContainTextAsync("admin");

        await GoToAsync("/standing-committee");
        Assert.Equal(implementedBefore + 1, await TotalAsync("Implemented"));
        Assert.Equal(unknownBefore - 1, await TotalAsync("Unknown"));
    }

    [Fact]
    public async Task Implemented_without_evidence_is_refused_with_the_reason()
    {
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await GoToAsync("/decisions?status=Unknown");
        await ByTestId("decision-table").GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/decisions/[0-9a-f-]+$"));

        await ByTestId("status-select").SelectOptionAsync("Implemented");
        await ByTestId("status-submit").ClickAsync();
        await Expect(ByTestId("status-form-error")).ToBeVisibleAsync();
        await Expect(ByTestId("error-evidence")).ToContainTextAsync("evidence");
        await Expect(ByTestId("decision-status")).ToHaveAttributeAsync("data-status", "Unknown");
    }

    [Fact]
    public async Task The_profile_of_an_organization_lists_its_open_action_items()
    {
        await OpenAsync("/organizations/OAU");
        await Expect(ByTestId("open-action-items")).ToBeVisibleAsync();
        await GoToAsync("/meetings?kind=SecurityCouncilDebate");
        await Expect(ByTestId("meeting-row")).ToHaveCountAsync(2);
        await Expect(ByTestId("alignment-next")).ToHaveAttributeAsync("data-flagged", "true");
    }
}
