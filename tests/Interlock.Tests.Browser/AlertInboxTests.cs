using System.Text.RegularExpressions;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Identity;
using Interlock.Registry;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Browser;

/// <summary>A focal point signs in, finds the alert in the inbox, acknowledges it and sees it in the delivery log.</summary>
public sealed class AlertInboxTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "correct horse battery staple";

    /// <summary>An AU focal point (person and user), and a risk rise for Mali this month, recomputed and evaluated. Returns the alert id.</summary>
    private async Task<(string UserName, string Person, Guid AlertId)> ArrangeAsync()
    {
        if (Fixture.Unavailable is not null) return ("", "", Guid.Empty); // OpenAsync skips the test
        using var scope = Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<InterlockDbContext>();
        var userName = $"au-focal-{Guid.NewGuid():N}"[..20];
        await services.GetRequiredService<UserAdministration>().CreateUserAsync(userName, "AU", Role.FocalPoint, Password);

        var au = await db.Organizations.SingleAsync(o => o.Code == "AU");
        var personName = $"Amina Bello {Guid.NewGuid().ToString("N")[..6]}";
        var person = new Person { OwnerOrganizationId = au.Id, FullName = personName };
        person.Roles.Add(new PersonRole
        {
            OrganizationId = au.Id, PersonId = person.Id, Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning,
            Start = new DateOnly(2020, 1, 1),
        });
        db.People.Add(person);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = new DateOnly(today.Year, today.Month, 1);
        // Field incident reports this month give Mali 340 state-based deaths: the recompute raises its level to Alert.
        await db.CountryMonths.Where(m => m.CountryIso3 == "MLI" && m.Series == EventDatasets.Incident && m.Month == month).ExecuteDeleteAsync();
        db.CountryMonths.Add(new CountryMonth
        {
            Series = EventDatasets.Incident, CountryIso3 = "MLI", Month = month, StateBased = 340, NonState = 0, OneSided = 0, Events = 4, Admin1Areas = 1,
        });
        await db.SaveChangesAsync();
        await RiskRecompute.RecomputeAsync(db, [("MLI", month)], default);
        await services.GetRequiredService<AlertEvaluator>().EvaluateAsync();
        var alertId = await db.Alerts.Where(a => a.CountryIso3 == "MLI" && a.Month == month && a.Trigger == AlertTrigger.RiskRise)
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
        return (userName, personName, alertId);
    }

    [Fact]
    public async Task A_focal_point_acknowledges_an_alert_from_the_inbox_and_the_delivery_log_shows_it()
    {
        var (userName, person, alertId) = await ArrangeAsync();
        await OpenAsync("/account/login");
        await SignInAsync(userName, Password);
        await Expect(ByTestId("whoami")).ToContainTextAsync(userName);

        await Expect(ByTestId("inbox-unread")).Not.ToBeEmptyAsync();
        await ByTestId("inbox-nav").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/inbox$"));

        var item = Page.Locator($"[data-testid=inbox-item][data-source='{alertId:D}']").Filter(new() { HasText = person });
        await Expect(item).ToHaveAttributeAsync("data-acknowledged", "false");
        await Expect(item.GetByTestId("inbox-link")).ToContainTextAsync("Mali: risk rose to Alert");
        await item.GetByTestId("acknowledge").ClickAsync();

        await Expect(ByTestId("inbox-message")).ToBeVisibleAsync();
        await Expect(item).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(item.GetByTestId("inbox-acknowledged")).ToContainTextAsync(userName);

        await item.GetByTestId("inbox-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/alerts/{alertId:D}$"));
        await Expect(ByTestId("alert-title")).ToContainTextAsync("Mali: risk rose to Alert");
        await Expect(ByTestId("alert-reasons")).ToContainTextAsync("at or above the Alert threshold of 250");
        // The AU sees its own rows of the log, with the acknowledgement; not the other organizations'.
        var row = ByTestId("delivery").Filter(new() { HasText = person });
        await Expect(row).ToHaveAttributeAsync("data-organization", "AU");
        await Expect(row.GetByTestId("delivery-ack")).ToContainTextAsync(userName);
        await Expect(Page.Locator("[data-testid=delivery]:not([data-organization=AU])")).ToHaveCountAsync(0);
    }
}
