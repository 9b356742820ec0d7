using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Rules;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

public sealed class OverlapRuleTests
{
    [Fact]
    public void Two_organizations_covering_a_need_at_the_same_time_without_an_agreed_lead_overlap()
    {
        var need = Need("peacekeeping", "1993-09-22", "1997-09-30");
        var ecomog = Eng("ECOWAS", "peacekeeping", "1990-08-24");
        var unomil = Eng("UN", "peacekeeping", "1993-09-22", "1997-09-30", role: EngagementRole.Support);

        var overlap = Assert.Single(OverlapRule.Find(Picture([need], [ecomog, unomil]), Cover));

        Assert.Equal(OverlapKind.NoAgreedLead, overlap.Kind);
        Assert.Equal(["ECOWAS", "UN"], overlap.PartyCodes);
        Assert.Equal([ecomog, unomil], overlap.Engagements);
        Assert.Equal(new Period(D("1993-09-22"), D("1997-09-30")), overlap.Period);
        Assert.Equal("ECOWAS and UN (2 organizations, 2 engagements) work on the need for peacekeeping in LBR (1993-09-22 – 1997-09-30) " +
                     "at the same time, 1993-09-22 – 1997-09-30, and no lead has been agreed; ECOWAS holds the role of lead.", overlap.Sentence);
    }

    [Fact]
    public void Recording_the_agreed_lead_clears_the_overlap()
    {
        var need = Need("peacekeeping", "1993-09-22", "1997-09-30");
        var engagements = new[] { Eng("ECOWAS", "peacekeeping", "1990-08-24"), Eng("UN", "peacekeeping", "1993-09-22", role: EngagementRole.Support) };
        Assert.Single(OverlapRule.Find(Picture([need], engagements), Cover));

        need.AgreedLeadOrganizationId = OrgId("ECOWAS");
        Assert.Empty(OverlapRule.Find(Picture([need], engagements), Cover));
    }

    [Fact]
    public void Two_leads_overlap_even_with_an_agreed_lead_and_the_finding_says_who_else_claims_it()
    {
        var need = Need("mediation", "2008-01-01");
        need.AgreedLeadOrganizationId = OrgId("AU");
        need.AgreedLeadOn = D("2008-02-01");
        var au = Eng("AU", "mediation", "2008-01-01", form: CooperationForm.DiplomaticSupport);
        var igad = Eng("IGAD", "mediation", "2008-06-01", "2008-12-31", form: CooperationForm.DiplomaticSupport);
        var un = Eng("UN", "mediation", "2008-03-01", form: CooperationForm.DiplomaticSupport, role: EngagementRole.Support);

        var overlap = Assert.Single(OverlapRule.Find(Picture([need], [au, igad, un]), Cover));

        Assert.Equal(OverlapKind.SeveralLeads, overlap.Kind);
        Assert.Equal(OrgId("AU"), overlap.AgreedLeadOrganizationId);
        Assert.Equal(["AU", "IGAD"], overlap.PartyCodes);
        Assert.Equal(new Period(D("2008-06-01"), D("2008-12-31")), overlap.Period);
        Assert.Equal("AU and IGAD each hold the role of lead on the need for mediation in LBR (from 2008-01-01), 2008-06-01 – 2008-12-31, " +
                     "although AU is the agreed lead (agreed 2008-02-01); IGAD also claims it.", overlap.Sentence);
    }

    [Fact]
    public void No_overlap_for_one_organization_alone_periods_that_follow_each_other_or_engagements_that_do_not_cover()
    {
        var need = Need("peacekeeping", "2003-08-04");
        // ECOMIL hands over to UNMIL: consecutive, not concurrent.
        var ecomil = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-09-30");
        var unmil = Eng("UN", "peacekeeping", "2003-10-01", status: EngagementStatus.Planned);
        // Same organization twice; a completed engagement; another area; another country.
        var again = Eng("ECOWAS", "peacekeeping", "2003-09-01");
        var done = Eng("AU", "peacekeeping", "2003-08-04", status: EngagementStatus.Completed);
        var other = Eng("EU", "humanitarian-relief", "2003-08-04");
        var elsewhere = Eng("CIS", "peacekeeping", "2003-08-04", country: "GEO");

        Assert.Empty(OverlapRule.Find(Picture([need], [ecomil, unmil, done, other, elsewhere]), Cover));
        Assert.Single(OverlapRule.Find(Picture([need], [ecomil, unmil, again]), Cover));
    }

    [Fact]
    public void An_engagement_in_a_narrower_area_or_a_first_level_area_counts_through_coverage()
    {
        var need = Need("preventive-diplomacy", "2010-01-01", admin1: "Lofa");
        var ecowas = Eng("ECOWAS", "mediation", "2010-01-01", form: CooperationForm.DiplomaticSupport, admin1: "Lofa");
        var un = Eng("UN", "good-offices", "2010-02-01", form: CooperationForm.DiplomaticSupport, role: EngagementRole.CoLead);
        var otherCounty = Eng("AU", "mediation", "2010-01-01", form: CooperationForm.DiplomaticSupport, admin1: "Nimba");

        var overlap = Assert.Single(OverlapRule.Find(Picture([need], [ecowas, un, otherCounty]), Cover));
        Assert.Equal(["ECOWAS", "UN"], overlap.PartyCodes);
        Assert.Equal(new Period(D("2010-02-01"), null), overlap.Period);
        Assert.Contains("from 2010-02-01", overlap.Sentence);
    }

    [Fact]
    public void The_span_runs_from_the_first_to_the_last_day_two_organizations_share_within_the_need()
    {
        var need = Need("peacekeeping", "1994-01-01", "1996-12-31");
        var a = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1995-06-30");
        var b = Eng("UN", "peacekeeping", "1993-09-22", "1997-09-30", role: EngagementRole.Support);
        var c = Eng("OAU", "peacekeeping", "1996-01-01", "1998-01-01", role: EngagementRole.Support);
        var overlap = Assert.Single(OverlapRule.Find(Picture([need], [a, b, c]), Cover));
        Assert.Equal(new Period(D("1994-01-01"), D("1996-12-31")), overlap.Period);
        Assert.Equal(["ECOWAS", "OAU", "UN"], overlap.PartyCodes);
        Assert.Contains("3 organizations, 3 engagements", overlap.Sentence);
    }
}
