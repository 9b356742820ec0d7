using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;
using static Interlock.Tests.Unit.DivisionOfLabour.Ranking.ReferenceWorld;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>
/// The worked ranking of docs/division-of-labour.md ("Candidate ranking"): a mediation need in Liberia from the day
/// UNOMIL was established (22 September 1993), with ECOMOG and UNOMIL as engagements, on the shipped registry. The
/// figures asserted here are the ones the document shows.
/// </summary>
public sealed class WorkedExampleTests
{
    public static IReadOnlyList<Candidate> Ranking()
    {
        var start = new DateOnly(1993, 9, 22);
        var need = Need("mediation", "LBR", start, NeedPriority.High, withinDays: 5);
        Engagement[] engagements =
        [
            Engagement("ECOWAS", "peacekeeping", "LBR", new DateOnly(1990, 8, 24), mandate: MandateKind.OrganizationDecision,
                reference: "ECOWAS Standing Mediation Committee, 7 Aug 1990"),
            Engagement("DPKO", "peacekeeping", "LBR", start, mandate: MandateKind.SecurityCouncil, reference: "S/RES/866 (1993)",
                end: new DateOnly(1997, 9, 30)),
        ];
        return Rank(need, engagements);
    }

    [Fact]
    public void The_documented_ranking_for_mediation_in_Liberia_in_1993()
    {
        var ranking = Ranking();
        Assert.Equal(["ECOWAS", "OAU", "UN", "DPKO"], ranking.Take(4).Select(c => c.OrganizationCode));
        Assert.Equal([0.6064, 0.18, 0.15, 0.1189], ranking.Take(4).Select(c => Math.Round(c.Score, 4)));

        var ecowas = ranking[0];
        Assert.Equal(
        [
            "Capability in mediation, ready in 7 days against 5 needed: 0.75",
            "Capacity for mediation: personnel not recorded (0.00), budget not recorded (0.00): 0.00",
            "Liberia is a member since 1975-05-28 (on 1993-09-22, when the need starts): 1.00",
            "Capability in mediation: scope covers Liberia through Western Africa (011): 0.75",
            "1 planned or active engagement in Liberia during the need, 0 on the branch of mediation: 0.29",
            "Capability in mediation rests on Protocol relating to the Mechanism for Conflict Prevention, Management, Resolution, Peace-keeping and Security (1999) 0.30; regional arrangement under Chapter VIII 0.20: 0.50",
        ], ecowas.Parts.Select(p => p.Sentence));
        Assert.Equal([0.225, 0, 0.15, 0.1125, 0.0439, 0.075], ecowas.Parts.Select(p => Math.Round(p.Contribution, 4)));

        var dpko = ranking[3];
        Assert.Equal("Security Council mandate on an engagement in Liberia (S/RES/866 (1993)) 0.50: 0.50", dpko.Part(RankingParts.Mandate).Sentence);
        Assert.Equal("Liberia is a member since 1963-05-25 (on 1993-09-22, when the need starts): 1.00", ranking[1].Part(RankingParts.Membership).Sentence);
        // Then every other Chapter VIII arrangement alive in 1993 at 0.03, in code order, and the rest at 0.
        Assert.Equal(0.03, Math.Round(ranking[4].Score, 4));
    }
}
