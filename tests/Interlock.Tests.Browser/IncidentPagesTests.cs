using System.Text.RegularExpressions;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Browser;

/// <summary>An AU analyst reports an incident, verifies it, corrects its fatalities and sees it unverified again.</summary>
public sealed class IncidentPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Correcting_the_facts_of_a_verified_report_sets_it_back_to_unverified()
    {
        var userName = $"au-analyst-{Guid.NewGuid():N}"[..20];
        if (Fixture.Unavailable is null)
        {
            using var scope = Server.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateUserAsync(userName, "AU", Role.Analyst, Password);
        }
        await OpenAsync("/account/login");
        await SignInAsync(userName, Password);

        await GoToAsync("/early-warning/incidents/new");
        await ByTestId("inc-date").FillAsync("2024-03-02");
        await ByTestId("inc-country").FillAsync("CAF");
        await ByTestId("inc-admin1").FillAsync("Ouaka");
        await ByTestId("inc-type").FillAsync("Attack on a market");
        await ByTestId("inc-fatalities").FillAsync("4");
        await ByTestId("inc-source").FillAsync("AU liaison office, Bangui");
        await ByTestId("save-incident").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/early-warning/incidents/[0-9a-f-]{36}\?saved=true$"));

        await ByTestId("inc-status").SelectOptionAsync("Verified");
        await ByTestId("save-verification").ClickAsync();
        await Expect(ByTestId("incident-verification")).ToContainTextAsync("Verified");

        await ByTestId("correct-incident").ClickAsync();
        await Expect(ByTestId("inc-fatalities")).ToHaveValueAsync("4");
        await ByTestId("inc-fatalities").FillAsync("7");
        await ByTestId("save-incident").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?saved=true$"));
        await Expect(ByTestId("incident-verification")).ToContainTextAsync("Unverified");
        await Expect(ByTestId("incident-verification")).ToContainTextAsync(userName);
    }
}
