using System.Text.RegularExpressions;
using Interlock.Data;
using Interlock.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>People and their roles through the forms: the single-liaison rule seen from the pages.</summary>
public sealed class PeoplePagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Naming_a_second_liaison_official_from_a_later_date_ends_the_first_ones_term()
    {
        // Contacts are written by their own organization only: the administrator records people of the UN, and sees no
        // "Add a person" link on another organization's profile.
        var other = await NewOrganizationAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (firstStart, secondStart) = await FreeLiaisonDatesAsync("UN");

        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await Expect(ByTestId("whoami")).ToContainTextAsync("admin");
        await GoToAsync($"/organizations/{other}");
        await Expect(ByTestId("org-liaison")).ToHaveCountAsync(0);
        await Expect(ByTestId("person-new")).ToHaveCountAsync(0);

        var firstName = "Amina First " + suffix;
        var secondName = "Bruno Second " + suffix;
        var first = await AddPersonAsync("UN", firstName, expectLanguageError: true);
        await AddLiaisonAsync(firstStart);
        await GoToAsync("/organizations/UN");
        await Expect(ByTestId("org-liaison")).ToContainTextAsync(firstName);

        await AddPersonAsync("UN", secondName);
        await AddLiaisonAsync(secondStart);

        await GoToAsync("/organizations/UN");
        await Expect(ByTestId("org-liaison")).ToContainTextAsync(secondName);
        await Expect(ByTestId("org-liaison")).Not.ToContainTextAsync(firstName);

        // The first one's term ended the day the second one's began.
        await GoToAsync(first);
        var row = ByTestId("person-roles").Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(firstStart);
        await Expect(row).ToContainTextAsync(secondStart);
        await Expect(row).ToHaveClassAsync(new Regex("former"));
    }

    /// <summary>Two past days after any UN liaison term already recorded by other tests on the shared server.</summary>
    private async Task<(string, string)> FreeLiaisonDatesAsync(string code)
    {
        var from = new DateOnly(2015, 1, 1);
        if (Fixture.Unavailable is null)
        {
            await using var scope = Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            var orgId = await db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
            var starts = await db.PersonRoles.Where(r => r.OrganizationId == orgId && r.Kind == PersonRoleKind.LiaisonOfficial)
                .Select(r => r.Start).ToListAsync(TestContext.Current.CancellationToken);
            if (starts.Count > 0 && starts.Max() >= from) from = starts.Max().AddDays(1);
        }
        return (from.ToString("yyyy-MM-dd"), from.AddDays(30).ToString("yyyy-MM-dd"));
    }

    /// <summary>Creates a person from the organization's profile and returns the person page's path.</summary>
    private async Task<string> AddPersonAsync(string code, string name, bool expectLanguageError = false)
    {
        await GoToAsync($"/organizations/{code}");
        await ByTestId("person-new").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/organizations/{code}/people/new$"));
        await ByTestId("person-fullname").FillAsync(name);
        await ByTestId("person-jobtitle").FillAsync("Head of liaison office");
        await ByTestId("person-email").FillAsync("liaison@example.org");
        await Expect(ByTestId("person-classification").Locator("option[value=Public]")).ToHaveCountAsync(0);
        if (expectLanguageError)
        {
            await ByTestId("person-languages").FillAsync("French");
            await ByTestId("save-person").ClickAsync();
            await Expect(ByTestId("error-languages")).ToContainTextAsync("french");
            await Expect(ByTestId("person-fullname")).ToHaveValueAsync(name);
        }
        await ByTestId("person-languages").FillAsync("en, fr");
        await ByTestId("save-person").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/people/[0-9a-f-]{36}\?saved=true$"));
        await Expect(ByTestId("person-name")).ToHaveTextAsync(name);
        return new Uri(Page.Url).AbsolutePath;
    }

    private async Task AddLiaisonAsync(string start)
    {
        await ByTestId("role-kind").SelectOptionAsync("LiaisonOfficial");
        await ByTestId("role-start").FillAsync(start);
        await ByTestId("save-role").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?saved=true$"));
        await Expect(ByTestId("person-roles")).ToContainTextAsync(start);
    }

    private async Task<string> NewOrganizationAsync()
    {
        var code = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        if (Fixture.Unavailable is not null) return code; // OpenAsync skips the test
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        db.Organizations.Add(new Organization
        {
            Code = code, NameEn = $"Test organization {code}", NameFr = $"Organisation de test {code}", Kind = OrganizationKind.SubregionalOrganization,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return code;
    }
}
