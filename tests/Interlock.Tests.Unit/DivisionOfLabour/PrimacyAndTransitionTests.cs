using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Rules;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

public sealed class PrimacyAndTransitionTests
{
    [Fact]
    public void A_regional_arrangement_deployed_without_a_Security_Council_mandate_is_flagged_with_the_reason()
    {
        var ecomog = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1999-10-31", status: EngagementStatus.Completed,
            mandate: MandateKind.OrganizationDecision, reference: "ECOWAS Standing Mediation Committee, 7 August 1990");

        var flag = Assert.Single(PrimacyRule.Find(Picture([], [ecomog])));

        Assert.Equal("ECOWAS", flag.OrganizationCode);
        Assert.Equal("ECOWAS is a regional arrangement under Chapter VIII in a co-deployment for peacekeeping in LBR (1990-08-24 – 1999-10-31, " +
                     "completed) resting on a decision of the organization itself (ECOWAS Standing Mediation Committee, 7 August 1990), " +
                     "not on a Security Council mandate: to report under Articles 53–54 of the Charter.", flag.Sentence);
    }

    [Theory]
    [InlineData("CIS", CooperationForm.JointOperation, MandateKind.None, true)]
    [InlineData("OAS", CooperationForm.JointOperation, MandateKind.HostStateRequest, true)]
    [InlineData("ECOWAS", CooperationForm.CoDeployment, MandateKind.SecurityCouncil, false)]
    [InlineData("ECOWAS", CooperationForm.OperationalSupport, MandateKind.None, false)]
    [InlineData("ECOWAS", CooperationForm.DiplomaticSupport, MandateKind.None, false)]
    [InlineData("UN", CooperationForm.CoDeployment, MandateKind.None, false)]
    [InlineData("NATO", CooperationForm.CoDeployment, MandateKind.None, false)]
    public void Only_Chapter_VIII_deployments_without_a_Council_mandate_are_flagged(string org, CooperationForm form, MandateKind mandate, bool flagged)
    {
        var e = Eng(org, "peacekeeping", "1994-06-01", form: form, mandate: mandate, reference: mandate == MandateKind.None ? null : "a reference");
        Assert.Equal(flagged, PrimacyRule.Find(Picture([], [e])).Count == 1);
    }

    [Fact]
    public void Overdue_checklist_items_are_listed_per_plan_with_who_is_responsible()
    {
        var plan = new TransitionPlan
        {
            Title = "ECOMIL to UNMIL", TargetDate = D("2003-10-01"),
            Items =
            [
                new() { Topic = TransitionTopic.RehattingOfContingents, OwnerOrganizationId = OrgId("ECOWAS"), DueOn = D("2003-09-30"), Status = ChecklistStatus.InProgress },
                new() { Topic = TransitionTopic.MandateAlignment, OwnerOrganizationId = OrgId("UN"), DueOn = D("2003-09-19"), Status = ChecklistStatus.Done, CompletedOn = D("2003-09-19") },
                new() { Topic = TransitionTopic.Financing, Description = "assessed contributions", OwnerOrganizationId = OrgId("UN"), DueOn = D("2003-09-25") },
            ],
        };
        var review = Assert.Single(TransitionRule.Review(Picture([], [], [plan]), D("2003-10-02")));
        Assert.Equal([TransitionTopic.Financing, TransitionTopic.RehattingOfContingents], review.Overdue.Select(o => o.Item.Topic));
        Assert.Equal([7, 2], review.Overdue.Select(o => o.DaysOverdue));
        Assert.Equal("Financing (assessed contributions) of \"ECOMIL to UNMIL\", for which UN is responsible, was due on 2003-09-25 " +
                     "and is 7 days overdue (status: open).", review.Overdue[0].Sentence);
        Assert.Contains("Re-hatting of contingents", review.Overdue[1].Sentence);
        Assert.Contains("ECOWAS is responsible", review.Overdue[1].Sentence);
        Assert.Empty(TransitionRule.Review(Picture([], [], [plan]), D("2003-09-25")).Single().Overdue);
    }
}
