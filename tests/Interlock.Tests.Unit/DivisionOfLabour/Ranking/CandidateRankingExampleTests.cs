using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;
using static Interlock.Tests.Unit.DivisionOfLabour.Ranking.ReferenceWorld;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>The ranking on the shipped registry: real organizations, memberships and the illustrative capabilities.</summary>
public sealed class CandidateRankingExampleTests
{
    [Fact]
    public void For_mediation_in_Liberia_ECOWAS_leads_as_a_member_with_a_capability_covering_West_Africa()
    {
        var ranking = Rank(Need("mediation", "LBR", new DateOnly(2024, 3, 1)));
        Assert.Equal(["ECOWAS", "AU", "DPPA"], ranking.Take(3).Select(c => c.OrganizationCode));

        var ecowas = ranking.Of("ECOWAS");
        Assert.Equal(0.6375, ecowas.Score, 10);
        Assert.Equal("Capability in mediation, ready in 7 days, within the 14 needed: 1.00", ecowas.Part(RankingParts.Capability).Sentence);
        Assert.Equal("Liberia is a member since 1975-05-28 (on 2024-03-01, when the need starts): 1.00", ecowas.Part(RankingParts.Membership).Sentence);
        Assert.Equal("Capability in mediation: scope covers Liberia through Western Africa (011): 0.75", ecowas.Part(RankingParts.Scope).Sentence);
        Assert.StartsWith("Capability in mediation rests on Protocol relating to the Mechanism", ecowas.Part(RankingParts.Mandate).Sentence);
        Assert.EndsWith("; regional arrangement under Chapter VIII 0.20: 0.50", ecowas.Part(RankingParts.Mandate).Sentence);

        // The AU covers the whole continent (a region, 0.5); DPPA deploys fastest but globally, and Liberia is no member of it.
        Assert.Equal(0.6, ranking.Of("AU").Score, 10);
        Assert.Equal(0.3825, ranking.Of("DPPA").Score, 10);
        Assert.Equal("Capability in mediation: global scope covers Liberia: 0.25", ranking.Of("DPPA").Part(RankingParts.Scope).Sentence);
        Assert.Equal("Liberia is not a member: 0.00", ranking.Of("DPPA").Part(RankingParts.Membership).Sentence);
    }

    [Fact]
    public void For_preventive_diplomacy_in_Georgia_the_OSCE_leads_and_the_CIS_no_longer_counts_Georgia_as_a_member()
    {
        var ranking = Rank(Need("preventive-diplomacy", "GEO", new DateOnly(2024, 3, 1)));
        var osce = ranking[0];
        Assert.Equal("OSCE", osce.OrganizationCode);
        // Quiet diplomacy lies below preventive diplomacy on the taxonomy: it counts fully; the OSCE's scope names Georgia.
        Assert.Equal("Capability in quiet-diplomacy, ready in 7 days, within the 14 needed: 1.00", osce.Part(RankingParts.Capability).Sentence);
        Assert.Equal("Capability in quiet-diplomacy: scope names Georgia: 1.00", osce.Part(RankingParts.Scope).Sentence);
        Assert.Equal(0.675, osce.Score, 10);

        Assert.Equal("Georgia left on 2009-08-18, before the need starts on 2024-03-01: 0.00", ranking.Of("CIS").Part(RankingParts.Membership).Sentence);
        // The AU has mediation, but its scope (Africa) does not reach Georgia: no part counts it.
        var au = ranking.Of("AU");
        Assert.Equal("Capability in mediation, but its scope does not cover Georgia: 0.00", au.Part(RankingParts.Capability).Sentence);
        Assert.Equal(0, au.Part(RankingParts.Scope).Value);
        Assert.True(au.Rank > ranking.Of("DPPA").Rank);
    }

    [Fact]
    public void A_need_more_urgent_than_a_capability_is_ready_lowers_its_capability_part()
    {
        // Needed within 3 days: ECOWAS deploys mediators in 7, (3 + 1) / (7 + 1) = 0.5; DPPA's standby team in 3.
        var ranking = Rank(Need("mediation", "LBR", new DateOnly(2024, 3, 1), withinDays: 3));
        Assert.Equal("Capability in mediation, ready in 7 days against 3 needed: 0.50", ranking.Of("ECOWAS").Part(RankingParts.Capability).Sentence);
        Assert.Equal(1, ranking.Of("DPPA").Part(RankingParts.Capability).Value);
        // Without a number of days the priority decides: Low waits 90 days, Critical 7.
        Assert.Equal(1, Rank(Need("mediation", "LBR", new DateOnly(2024, 3, 1), NeedPriority.Critical)).Of("ECOWAS").Part(RankingParts.Capability).Value);
        Assert.Equal((7 + 1) / 15.0, Rank(Need("mediation", "LBR", new DateOnly(2024, 3, 1), NeedPriority.Critical)).Of("AU").Part(RankingParts.Capability).Value, 10);
    }

    [Fact]
    public void Organizations_not_yet_founded_or_already_dissolved_when_the_need_starts_are_not_ranked()
    {
        var ranking = Rank(Need("mediation", "LBR", new DateOnly(1993, 9, 22)));
        Assert.DoesNotContain(ranking, c => c.OrganizationCode is "AU" or "DPPA" or "OSCE");
        Assert.Contains(ranking, c => c.OrganizationCode == "OAU");
        Assert.DoesNotContain(Rank(Need("mediation", "LBR", new DateOnly(2024, 1, 1))), c => c.OrganizationCode == "OAU");
    }

    [Fact]
    public void Presence_counts_engagements_in_the_country_during_the_need_more_on_the_need_branch()
    {
        var start = new DateOnly(2024, 3, 1);
        var need = Need("mediation", "LBR", start);
        var engagements = new[]
        {
            Engagement("ECOWAS", "good-offices", "LBR", start.AddMonths(-6)),                       // other area of the taxonomy: 0.5 point
            Engagement("ECOWAS", "mediation", "LBR", start.AddMonths(-1), EngagementStatus.Planned), // on the branch: 1 point
            Engagement("ECOWAS", "mediation", "LBR", start.AddYears(-3), EngagementStatus.Completed), // completed: not counted
            Engagement("ECOWAS", "mediation", "SLE", start),                                        // elsewhere: not counted
            Engagement("ECOWAS", "mediation", "LBR", start.AddYears(-3), end: start.AddDays(-1)),  // over before the need: not counted
        };
        var ecowas = Rank(need, engagements).Of("ECOWAS");
        Assert.Equal("2 planned or active engagements in Liberia during the need, 1 on the branch of mediation: 0.65",
            ecowas.Part(RankingParts.Presence).Sentence);
        Assert.Equal(1 - Math.Pow(0.5, 1.5), ecowas.Part(RankingParts.Presence).Value, 12);
    }

    [Fact]
    public void A_Security_Council_mandate_on_an_engagement_in_the_country_adds_to_the_mandate_part()
    {
        var start = new DateOnly(2024, 3, 1);
        var engagement = Engagement("DPO", "peacekeeping", "LBR", start.AddYears(-1), mandate: MandateKind.SecurityCouncil, reference: "S/RES/1509 (2003)");
        var dpo = Rank(Need("mediation", "LBR", start), [engagement]).Of("DPO");
        Assert.Equal("Security Council mandate on an engagement in Liberia (S/RES/1509 (2003)) 0.50: 0.50", dpo.Part(RankingParts.Mandate).Sentence);
    }

    [Fact]
    public void Weights_come_from_the_options_and_a_zero_weight_removes_a_part_from_the_score()
    {
        var need = Need("mediation", "LBR", new DateOnly(2024, 3, 1));
        var onlyMembership = new RankingOptions
        {
            Weights = new RankingWeights { Capability = 0, Capacity = 0, Membership = 1, Scope = 0, Presence = 0, Mandate = 0 },
        };
        var ranking = Rank(need, options: onlyMembership);
        Assert.All(ranking, c => Assert.Equal(c.Part(RankingParts.Membership).Value, c.Score));
        // Every member scores 1; among them the order is by code.
        var members = ranking.TakeWhile(c => c.Score == 1).Select(c => c.OrganizationCode).ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), members);
        Assert.Contains("ECOWAS", members);
        Assert.Contains("UN", members);
    }
}
