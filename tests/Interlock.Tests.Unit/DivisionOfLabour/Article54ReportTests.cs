using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Reports;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

public sealed class Article54ReportTests
{
    private static readonly Period Year2003 = new(D("2003-01-01"), D("2003-12-31"));

    private static DivisionPicture Liberia2003()
    {
        var ecomog = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1999-10-31", status: EngagementStatus.Completed,
            mandate: MandateKind.OrganizationDecision, reference: "ECOWAS Standing Mediation Committee");
        var ecomil = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-09-30", mandate: MandateKind.SecurityCouncil, reference: "S/RES/1497 (2003)");
        ecomil.Activity = "ECOMIL <vanguard> & \"re-hatted\" *troops*";
        var planned = Eng("ECOWAS", "mediation", "2003-11-01", form: CooperationForm.JointOperation, status: EngagementStatus.Planned);
        var unmil = Eng("UN", "peacekeeping", "2003-10-01", status: EngagementStatus.Planned, mandate: MandateKind.SecurityCouncil, reference: "S/RES/1509 (2003)");
        var cis = Eng("CIS", "peacekeeping", "1994-06-01", "2003-12-31", country: "GEO", mandate: MandateKind.OrganizationDecision, reference: "CIS Council of Heads of State");
        var mission = new CooperationRecord
        {
            Type = CooperationRecordType.JointAssessmentMission, Setting = CooperationSetting.Field, Title = "Joint assessment [Monrovia]",
            StartOn = D("2003-08-20"), EndOn = D("2003-08-25"), CountryIso3 = "LBR", ParticipantOrganizationIds = [OrgId("UN"), OrgId("ECOWAS")],
            Outcome = "Troop needs agreed",
        };
        var hq = new CooperationRecord
        {
            Type = CooperationRecordType.Consultation, Title = "High-level meeting", StartOn = D("2003-07-29"),
            ParticipantOrganizationIds = [OrgId("UN"), OrgId("AU"), OrgId("ECOWAS")],
        };
        var unOnly = new CooperationRecord { Type = CooperationRecordType.StaffVisit, Title = "UN only", StartOn = D("2003-05-01"), ParticipantOrganizationIds = [OrgId("UN")] };
        var before = new CooperationRecord { Type = CooperationRecordType.Consultation, Title = "1995", StartOn = D("1995-05-01"), ParticipantOrganizationIds = [OrgId("ECOWAS")] };
        return Picture([], [ecomog, ecomil, planned, unmil, cis], cooperation: [mission, hq, unOnly, before]);
    }

    [Fact]
    public void Groups_regional_activities_overlapping_the_period_by_organization_then_country()
    {
        var report = Article54Report.Build(Liberia2003(), Year2003);

        // The UN is no regional arrangement; the 1990s ECOMOG ended before the period; the UN-only visit and the 1995 meeting are left out.
        Assert.Equal(["AU", "CIS", "ECOWAS"], report.Organizations.Select(o => o.Code));
        var ecowas = report.Organizations.Single(o => o.Code == "ECOWAS");
        Assert.Equal(["LBR", null], ecowas.Countries.Select(c => c.CountryIso3));
        var liberia = ecowas.Countries[0];
        Assert.Equal([ActivityStanding.Undertaken, ActivityStanding.InContemplation], liberia.Activities.Select(a => a.Standing));
        Assert.StartsWith("Undertaken (active): co-deployment as lead in peacekeeping, LBR, 2003-08-04 – 2003-09-30", liberia.Activities[0].Sentence);
        Assert.EndsWith("Mandate: a Security Council mandate (S/RES/1497 (2003)).", liberia.Activities[0].Sentence);
        Assert.Null(liberia.Activities[0].Primacy);
        // A planned joint operation with no mandate is in contemplation and flagged.
        Assert.StartsWith("In contemplation (planned)", liberia.Activities[1].Sentence);
        Assert.NotNull(liberia.Activities[1].Primacy);
        Assert.Equal("Joint assessment mission (in the field, 2003-08-20 – 2003-08-25): Joint assessment [Monrovia], with ECOWAS and UN. Outcome: Troop needs agreed.",
            Assert.Single(liberia.Cooperation).Sentence);
        Assert.Equal("High-level meeting", Assert.Single(ecowas.Countries[1].Cooperation).Record.Title);
        Assert.Equal("High-level meeting", report.Organizations[0].Countries.Single().Cooperation.Single().Record.Title);
        Assert.NotNull(report.Organizations.Single(o => o.Code == "CIS").Countries.Single().Activities.Single().Primacy);
    }

    [Fact]
    public void Markdown_lists_each_entry_with_its_flags_and_escapes_every_value()
    {
        var md = Article54Markdown.Render(Article54Report.Build(Liberia2003(), Year2003));

        Assert.StartsWith("# Article 54 report: activities of regional arrangements, 2003-01-01 – 2003-12-31\n", md);
        Assert.Contains("\n## ECOWAS — Economic Community of West African States\n", md);
        Assert.Contains("\n### LBR\n", md);
        Assert.Contains("\n### No country (headquarters or regional)\n", md);
        Assert.Contains(@"ECOMIL \<vanguard\> \& ""re-hatted"" \*troops\*", md);
        Assert.Contains(@"Joint assessment \[Monrovia\]", md);
        Assert.Contains("  - **Flag**: ECOWAS is a regional arrangement under Chapter VIII in a joint operation", md);
        Assert.EndsWith("2 activities are flagged to report under Articles 53–54 of the Charter.\n", md);
        Assert.DoesNotContain("<vanguard>", md);
    }

    [Fact]
    public void Html_is_a_document_with_every_value_encoded()
    {
        var html = Article54Html.Render(Article54Report.Build(Liberia2003(), Year2003));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h1>Article 54 report: activities of regional arrangements, 2003-01-01 – 2003-12-31</h1>", html);
        Assert.Contains("<section data-organization=\"ECOWAS\">", html);
        Assert.Contains("ECOMIL &lt;vanguard&gt; &amp; &quot;re-hatted&quot; *troops*", html);
        Assert.DoesNotContain("<vanguard>", html);
        Assert.Contains("<li class=\"activity in-contemplation\">", html);
        Assert.Contains("<p class=\"primacy\"><strong>Flag</strong>: CIS is a regional arrangement", html);
        Assert.Contains("<p>2 activities are flagged to report under Articles 53–54 of the Charter.</p>", html);
    }

    [Fact]
    public void An_empty_period_says_so_in_both_renderings()
    {
        var report = Article54Report.Build(Liberia2003(), new Period(D("1980-01-01"), D("1980-12-31")));
        Assert.True(report.IsEmpty);
        Assert.Contains("No activity of a regional arrangement is recorded for this period.", Article54Markdown.Render(report));
        Assert.Contains("<p>No activity of a regional arrangement is recorded for this period.</p>", Article54Html.Render(report));
    }
}
