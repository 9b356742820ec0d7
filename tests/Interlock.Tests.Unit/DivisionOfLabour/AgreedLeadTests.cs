using Interlock.Capabilities;
using Interlock.DivisionOfLabour;

namespace Interlock.Tests.Unit.DivisionOfLabour;

/// <summary>The agreed lead: only an organization engaged on the need (unless allowed), and the decision's wording.</summary>
public sealed class AgreedLeadTests
{
    private static readonly Guid Un = Guid.NewGuid(), Ecowas = Guid.NewGuid(), Au = Guid.NewGuid();

    private static readonly Coverage Coverage = new([
        new Area { Code = "peacebuilding", NameEn = "Peacebuilding", NameFr = "Consolidation de la paix" },
        new Area { Code = "security-stabilization", ParentCode = "peacebuilding", NameEn = "Security stabilization", NameFr = "Stabilisation" },
        new Area { Code = "electoral-assistance", NameEn = "Electoral assistance", NameFr = "Assistance électorale" },
    ]);

    private static readonly Need Need = new() { AreaCode = "peacebuilding", CountryIso3 = "LBR", StartOn = new DateOnly(1993, 1, 1) };

    private static Engagement On(Guid org, string area = "security-stabilization", string country = "LBR", DateOnly? start = null) =>
        new() { OrganizationId = org, AreaCode = area, CountryIso3 = country, StartOn = start ?? new DateOnly(1993, 9, 22) };

    [Fact]
    public void The_engaged_organizations_are_those_whose_engagements_answer_the_need()
    {
        var engaged = AgreedLead.EngagedOrganizations(Need, [On(Un), On(Ecowas, start: new DateOnly(1990, 8, 24)), On(Au, country: "SLE"),
            On(Au, area: "electoral-assistance")], Coverage);
        Assert.Equal([Ecowas, Un], engaged);
    }

    [Fact]
    public void The_lead_must_be_engaged_unless_explicitly_allowed()
    {
        Assert.True(AgreedLead.Check(new AgreedLeadFields(Ecowas), [Ecowas, Un], true).IsEmpty);
        Assert.Equal(["leadOrganization"], AgreedLead.Check(new AgreedLeadFields(Au), [Ecowas, Un], true).ToDictionary().Keys);
        Assert.True(AgreedLead.Check(new AgreedLeadFields(Au, AllowNotEngaged: true), [Ecowas, Un], true).IsEmpty);
        Assert.Equal(["leadOrganization"], AgreedLead.Check(new AgreedLeadFields(null, AllowNotEngaged: true), [], false).ToDictionary().Keys);
    }

    [Fact]
    public void The_decision_says_who_leads_where_from_when_and_who_supports()
    {
        Assert.Equal("ECOWAS leads on Peacekeeping in Liberia (Montserrado) from 1993-09-22; UN, AU support.",
            AgreedLead.DecisionText("ECOWAS", "Peacekeeping", "Liberia", "Montserrado", new DateOnly(1993, 9, 22), ["UN", "AU"]));
        Assert.Equal("AU leads on Mediation in Sudan from 2004-07-01.",
            AgreedLead.DecisionText("AU", "Mediation", "Sudan", null, new DateOnly(2004, 7, 1), []));
    }
}
