using System.Text.RegularExpressions;
using Interlock.Data;
using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Browser;

/// <summary>
/// A situation's who-does-what-where matrix: ECOWAS and the UN both engaged on peacekeeping in Liberia with no agreed
/// lead is an overlap; the UN records ECOWAS as the agreed lead and the overlap is gone. An uncovered need shows its
/// ranked candidates with the parts of each score.
/// </summary>
public sealed class DivisionOfLabourPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<Guid> ArrangeAsync()
    {
        if (Fixture.Unavailable is not null) return Guid.Empty; // OpenAsync skips the test
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        var ids = await db.Organizations.Where(o => o.Code == "UN" || o.Code == "ECOWAS").ToDictionaryAsync(o => o.Code, o => o.Id);
        var now = DateTimeOffset.UtcNow;
        var situation = new Situation
        {
            OwnerOrganizationId = ids["UN"], Classification = Classification.Partners, Title = $"Liberia ceasefire {Guid.NewGuid():N}"[..26],
            CountryIso3 = "LBR", Stage = PreventionStage.PreventiveDeployment, WatchFrom = new DateOnly(1993, 1, 1), CreatedAt = now, UpdatedAt = now,
        };
        db.Situations.Add(situation);
        var start = new DateOnly(2024, 1, 1);
        db.Needs.Add(new Need
        {
            OwnerOrganizationId = ids["UN"], SituationId = situation.Id, AreaCode = "peacekeeping", Priority = NeedPriority.High, CountryIso3 = "LBR",
            StartOn = start, CreatedAt = now, UpdatedAt = now,
        });
        db.Needs.Add(new Need
        {
            OwnerOrganizationId = ids["UN"], SituationId = situation.Id, AreaCode = "mediation", Priority = NeedPriority.Critical, CountryIso3 = "LBR",
            StartOn = start, CreatedAt = now, UpdatedAt = now,
        });
        var engagements = new Dictionary<string, Engagement>();
        foreach (var (org, role, activity) in new[] { ("ECOWAS", EngagementRole.Lead, "ECOMOG"), ("UN", EngagementRole.Support, "Observer mission") })
            db.Engagements.Add(engagements[org] = new Engagement
            {
                OwnerOrganizationId = ids[org], OrganizationId = ids[org], SituationId = situation.Id, AreaCode = "peacekeeping", Activity = activity,
                CountryIso3 = "LBR", StartOn = start, Form = CooperationForm.CoDeployment, Role = role, Status = EngagementStatus.Active,
                MandateKind = MandateKind.SecurityCouncil, MandateReference = "S/RES/866 (1993)", Classification = Classification.Public,
                CreatedAt = now, UpdatedAt = now,
            });
        // A hand-over whose checklist fell due in the past: every open item is overdue.
        var plan = new TransitionPlan
        {
            OwnerOrganizationId = ids["UN"], SituationId = situation.Id, Title = "ECOMOG to the UN operation", FromEngagementId = engagements["ECOWAS"].Id,
            ToEngagementId = engagements["UN"].Id, TargetDate = new DateOnly(2024, 6, 1), CreatedAt = now, UpdatedAt = now,
        };
        var orgs = await db.Organizations.Where(o => o.Code == "UN" || o.Code == "ECOWAS").ToDictionaryAsync(o => o.Code);
        plan.Items = TransitionWrites.StandardChecklist(plan.Id, new TransitionSide(engagements["ECOWAS"], orgs["ECOWAS"]),
            new TransitionSide(engagements["UN"], orgs["UN"]), plan.TargetDate);
        db.TransitionPlans.Add(plan);
        await db.SaveChangesAsync();
        return situation.Id;
    }

    [Fact]
    public async Task Recording_an_agreed_lead_clears_the_overlap_on_the_situations_matrix()
    {
        var id = await ArrangeAsync();
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);

        await GoToAsync($"/situations/{id}");
        await Expect(ByTestId("overdue-transition-items")).ToContainTextAsync("Overdue transition items: 7");
        await ByTestId("open-division").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/situations/{id}/division-of-labour$"));

        var matrix = ByTestId("matrix");
        await Expect(matrix.Locator("[data-testid=matrix-row]")).ToHaveCountAsync(2);
        await Expect(matrix.Locator("tr[data-org=ECOWAS] [data-testid=matrix-cell]")).ToHaveAttributeAsync("data-role", "Lead");
        await Expect(matrix.Locator("tr[data-org=UN] [data-testid=matrix-cell]")).ToContainTextAsync("Co-deployment");

        var overlap = ByTestId("overlap");
        await Expect(overlap).ToHaveCountAsync(1);
        await Expect(overlap).ToContainTextAsync("ECOWAS and UN");
        await Expect(overlap).ToContainTextAsync("no lead has been agreed");
        // The mediation need nobody covers: a gap, with its candidates ranked and each score explained.
        await Expect(ByTestId("gap")).ToContainTextAsync("mediation");
        await Expect(ByTestId("candidates").Locator("[data-testid=candidate]").First).ToHaveAttributeAsync("data-org", "ECOWAS");
        await Expect(ByTestId("candidates").Locator("[data-testid=candidate-part]")).ToHaveCountAsync(30);

        await overlap.Locator("[data-testid=agreed-lead-org]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "ECOWAS" });
        await overlap.Locator("[data-testid=agreed-lead-note]").FillAsync("ECOMOG keeps the peace; UNOMIL observes and verifies.");
        await overlap.Locator("[data-testid=save-agreed-lead]").ClickAsync();

        await Expect(ByTestId("division-saved")).ToBeVisibleAsync();
        await Expect(ByTestId("overlap")).ToHaveCountAsync(0);
        await Expect(ByTestId("no-overlaps")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=need-row]", new() { HasText = "Peacekeeping" }).Locator("[data-testid=need-agreed-lead]")).ToContainTextAsync("ECOWAS");
    

        // The UN marks the first checklist item done: one overdue item fewer.
        var transition = ByTestId("transition");
        await Expect(transition).ToHaveAttributeAsync("data-overdue", "7");
        var first = transition.Locator("[data-testid=checklist-item]").First;
        await first.Locator("[data-testid=checklist-status]").SelectOptionAsync("Done");
        await first.Locator("[data-testid=save-checklist-status]").ClickAsync();
        await Expect(ByTestId("transition")).ToHaveAttributeAsync("data-overdue", "6");
        await Expect(ByTestId("transition").Locator("[data-testid=checklist-item]").First).ToHaveAttributeAsync("data-overdue", "false");
    }

    [Fact]
    public async Task Cooperation_and_a_transition_plan_are_recorded_from_the_situations_page()
    {
        var id = await ArrangeAsync();
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await GoToAsync($"/situations/{id}/division-of-labour");

        await ByTestId("add-cooperation").ClickAsync();
        await ByTestId("coop-type").SelectOptionAsync("JointAssessmentMission");
        await ByTestId("coop-setting").SelectOptionAsync("Field");
        await ByTestId("coop-title").FillAsync("Joint assessment mission to Monrovia");
        await ByTestId("coop-org-ECOWAS").CheckAsync();
        await ByTestId("coop-outcome").FillAsync("Agreed the sequence of the hand-over.");
        await ByTestId("save-cooperation").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/situations/{id}/division-of-labour$"));
        await Expect(ByTestId("cooperation-entry")).ToContainTextAsync("Joint assessment mission to Monrovia");
        await Expect(ByTestId("cooperation-entry")).ToContainTextAsync("ECOWAS, UN");

        await ByTestId("add-transition").ClickAsync();
        await ByTestId("tr-title").FillAsync("Second hand-over");
        await ByTestId("tr-fromEngagementId").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Index = 0 });
        await ByTestId("tr-toEngagementId").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await ByTestId("tr-target").FillAsync("2030-01-01");
        await ByTestId("save-transition").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/situations/{id}/division-of-labour$"));
        await Expect(ByTestId("transition")).ToHaveCountAsync(2);
        await Expect(ByTestId("transition").Filter(new() { HasText = "Second hand-over" }).Locator("[data-testid=checklist-item]")).ToHaveCountAsync(7);
    }

    [Fact]
    public async Task A_3W_file_with_a_bad_row_is_rejected_by_line_and_the_corrected_file_is_imported()
    {
        await OpenAsync("/account/login");
        await SignInAsync(InterlockWebServer.AdminUserName, Server.AdminPassword);
        await GoToAsync("/division-of-labour");
        await ByTestId("open-division-exchange").ClickAsync();

        var activity = $"Electoral observation {Guid.NewGuid():N}"[..30];
        string File(string country) =>
            "Organization,Area,Activity,Form of cooperation,Role,Country,Start,Status\n" +
            "#org+code,#sector,#activity,#activity+form,#org+role,#country+code,#date+start,#status\n" +
            $"UN,electoral-assistance,{activity},consultation,support,LBR,2023-09-01,completed\n" +
            $"AU,electoral-assistance,{activity},consultation,lead,{country},2023-09-01,completed\n";
        async Task UploadAsync(string csv)
        {
            await ByTestId("import-kind").SelectOptionAsync("Engagements");
            await ByTestId("import-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload
                { Name = "3w.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
            await ByTestId("import-submit").ClickAsync();
        }

        await UploadAsync(File("XXX"));
        await Expect(ByTestId("rejection")).ToHaveCountAsync(1);
        await Expect(ByTestId("rejection")).ToHaveAttributeAsync("data-line", "4");
        await Expect(ByTestId("rejection")).ToContainTextAsync("Country");

        await UploadAsync(File("LBR"));
        await Expect(ByTestId("import-done")).ToContainTextAsync("2 created");
        await GoToAsync("/division-of-labour/countries/LBR");
        await Expect(ByTestId("engagement-table").Locator("tr", new() { HasText = activity })).ToHaveCountAsync(2);
    }
}
