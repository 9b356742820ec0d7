using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Rules;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

public sealed class GapRuleTests
{
    private static readonly DateOnly AsOf = D("2003-09-20");

    [Fact]
    public void A_need_with_no_planned_or_active_engagement_is_uncovered()
    {
        var need = Need("ddr", "2003-10-01");
        var completed = Eng("ECOWAS", "ddr", "1996-01-01", "1997-08-01", status: EngagementStatus.Completed);
        var wrongArea = Eng("UN", "peacekeeping", "2003-10-01", status: EngagementStatus.Planned);

        var gap = Assert.Single(GapRule.Find(Picture([need], [completed, wrongArea]), Cover, AsOf));

        Assert.Equal(GapKind.Uncovered, gap.Kind);
        Assert.Null(gap.CoverEndsOn);
        Assert.Equal("No planned or active engagement covers the need for ddr in LBR (from 2003-10-01) as of 2003-09-20.", gap.Sentence);
    }

    [Fact]
    public void Cover_ending_within_sixty_days_with_nothing_after_is_a_gap_and_a_follow_on_engagement_closes_it()
    {
        var need = Need("peacekeeping", "2003-08-04");
        var ecomil = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-09-30", mandate: MandateKind.SecurityCouncil, reference: "S/RES/1497 (2003)");

        var gap = Assert.Single(GapRule.Find(Picture([need], [ecomil]), Cover, AsOf));
        Assert.Equal(GapKind.EndingSoon, gap.Kind);
        Assert.Equal(D("2003-09-30"), gap.CoverEndsOn);
        Assert.Equal([ecomil], gap.Ending);
        Assert.Equal("The engagement covering the need for peacekeeping in LBR (from 2003-08-04) (ECOWAS) ends by 2003-09-30, " +
                     "10 days after 2003-09-20 and within the 60-day horizon, and no engagement is planned to cover it after 2003-09-30.", gap.Sentence);

        var unmil = Eng("UN", "peacekeeping", "2003-10-01", status: EngagementStatus.Planned, mandate: MandateKind.SecurityCouncil, reference: "S/RES/1509 (2003)");
        Assert.Empty(GapRule.Find(Picture([need], [ecomil, unmil]), Cover, AsOf));
    }

    [Fact]
    public void Cover_ending_beyond_the_horizon_or_when_the_need_ends_is_no_gap()
    {
        var beyond = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-11-20");
        Assert.Empty(GapRule.Find(Picture([Need("peacekeeping", "2003-08-04")], [beyond]), Cover, AsOf));
        var sixtyDays = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-11-19");
        Assert.Single(GapRule.Find(Picture([Need("peacekeeping", "2003-08-04")], [sixtyDays]), Cover, AsOf));

        var endsWithTheNeed = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-09-30");
        Assert.Empty(GapRule.Find(Picture([Need("peacekeeping", "2003-08-04", "2003-09-30")], [endsWithTheNeed]), Cover, AsOf));
    }

    [Fact]
    public void Only_the_rest_of_the_need_counts()
    {
        // A need that is over has no gap; an "active" engagement that ended before the day covers nothing any more.
        Assert.Empty(GapRule.Find(Picture([Need("peacekeeping", "1993-09-22", "1997-09-30")], []), Cover, AsOf));
        var stale = Eng("UN", "peacekeeping", "1993-09-22", "1997-09-30");
        var gap = Assert.Single(GapRule.Find(Picture([Need("peacekeeping", "1993-09-22")], [stale]), Cover, AsOf));
        Assert.Equal(GapKind.Uncovered, gap.Kind);

        // A need that starts later is judged on its own period.
        var later = Need("electoral-assistance", "2005-01-01", "2005-12-31");
        var planned = Eng("ECOWAS", "electoral-assistance", "2005-06-01", "2005-10-31", form: CooperationForm.OperationalSupport, status: EngagementStatus.Planned);
        Assert.Empty(GapRule.Find(Picture([later], [planned]), Cover, AsOf));
    }

    [Fact]
    public void Several_engagements_ending_soon_are_named_together()
    {
        var need = Need("humanitarian-relief", "2003-01-01");
        var a = Eng("ECOWAS", "humanitarian-relief", "2003-01-01", "2003-10-15", form: CooperationForm.OperationalSupport);
        var b = Eng("UN", "humanitarian-relief", "2003-09-01", "2003-11-01", form: CooperationForm.OperationalSupport, role: EngagementRole.Support);
        var gap = Assert.Single(GapRule.Find(Picture([need], [a, b]), Cover, AsOf));
        Assert.Equal(D("2003-11-01"), gap.CoverEndsOn);
        Assert.Contains("The 2 engagements covering", gap.Sentence);
        Assert.Contains("(ECOWAS and UN) all end by 2003-11-01, 42 days after 2003-09-20", gap.Sentence);
    }
}
