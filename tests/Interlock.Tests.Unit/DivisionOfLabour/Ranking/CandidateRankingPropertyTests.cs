using CsCheck;
using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>The properties the issue asks of the ranking, over random worlds (<see cref="RankingWorldGen"/>).</summary>
public sealed class CandidateRankingPropertyTests
{
    private static readonly Coverage Taxonomy = new(ReferenceWorld.Areas);

    /// <summary>A capability that serves the need: on its branch (the area or below) and covering Liberia.</summary>
    private static Gen<Capability> Matching(RankingWorldGen.World w) =>
        Gen.Select(Gen.Int[0, w.Organizations.Length - 1], Gen.Int[0, 120], Gen.Int[-1, 3000], Gen.Enum<BudgetBand>(), Gen.Int[0, 3], Gen.Bool)
            .Select((owner, days, personnel, budget, scope, basis) =>
            {
                var below = ReferenceWorld.Areas.Where(a => Taxonomy.IsSameOrBelow(a.Code, w.Need.AreaCode)).Select(a => a.Code).Order(StringComparer.Ordinal).ToList();
                var c = new Capability
                {
                    OwnerOrganizationId = RankingWorldGen.IdOf(owner), AreaCode = below[days % below.Count], Description = "added", ReadinessDays = days,
                    Personnel = personnel < 0 ? null : personnel, Budget = budget, MandateBasis = basis ? "Protocol" : null,
                };
                RankingWorldGen.SetScope(c, scope);
                return c;
            });

    [Fact]
    public void Adding_a_matching_capability_never_lowers_an_organizations_score_or_rank()
    {
        Gen.Select(RankingWorldGen.Worlds, RankingWorldGen.Options)
            .SelectMany((w, o) => Matching(w).Select(c => (w, o, c)))
            .Sample((w, o, added) =>
            {
                var before = CandidateRanking.Rank(w.Facts, o);
                var after = CandidateRanking.Rank(w.Make(w.Organizations, [.. w.Capabilities, added], w.Memberships, w.Engagements), o);
                var owner = before.Single(c => c.OrganizationId == added.OwnerOrganizationId).OrganizationCode;
                Assert.True(after.Of(owner).Score >= before.Of(owner).Score, $"{owner}: {before.Of(owner).Score} -> {after.Of(owner).Score}");
                Assert.True(after.Of(owner).Rank <= before.Of(owner).Rank, $"{owner}: rank {before.Of(owner).Rank} -> {after.Of(owner).Rank}");
            }, print: t => $"{t.Item1} + {t.Item3.AreaCode}/{t.Item3.ReadinessDays}d");
    }

    [Fact]
    public void An_organization_without_a_capability_in_the_area_never_outranks_one_with_it_other_things_equal()
    {
        // Two twins share everything (Chapter VIII status, memberships, engagements); only one has the capability.
        Gen.Select(RankingWorldGen.Worlds, RankingWorldGen.Options, Gen.Bool)
            .SelectMany((w, o, swap) => Matching(w).Select(c => (w, o, swap, c)))
            .Sample((w, o, swap, cap) =>
            {
                var (with, without) = swap ? (w.Organizations.Length, w.Organizations.Length + 1) : (w.Organizations.Length + 1, w.Organizations.Length);
                var twinA = RankingWorldGen.Org(with, chapterViii: cap.ReadinessDays % 2 == 0);
                var twinB = RankingWorldGen.Org(without, twinA.ChapterViii);
                var members = w.Memberships.Take(2).SelectMany(m => new[] { Copy(m, twinA.Id), Copy(m, twinB.Id) });
                var engagements = w.Engagements.Take(3).SelectMany(e => new[] { Copy(e, twinA.Id), Copy(e, twinB.Id) });
                cap.OwnerOrganizationId = twinA.Id;
                var ranking = CandidateRanking.Rank(w.Make([.. w.Organizations, twinA, twinB], [.. w.Capabilities, cap],
                    [.. w.Memberships, .. members], [.. w.Engagements, .. engagements]), o);
                Assert.True(ranking.Of(twinA.Code).Rank < ranking.Of(twinB.Code).Rank);
                Assert.True(ranking.Of(twinA.Code).Score > ranking.Of(twinB.Code).Score);
            }, print: t => $"{t.Item1} swap={t.Item3} cap {t.Item4.AreaCode}/{t.Item4.ReadinessDays}d");
    }

    [Fact]
    public void The_ranking_does_not_depend_on_the_order_of_its_inputs()
    {
        RankingWorldGen.Worlds
            .SelectMany(w => Gen.Select(Gen.Shuffle(w.Organizations), Gen.Shuffle(w.Capabilities), Gen.Shuffle(w.Memberships), Gen.Shuffle(w.Engagements))
                .Select((o, c, m, e) => (w, o, c, m, e)))
            .Sample(t =>
            {
                var (w, orgs, caps, members, engagements) = t;
                var options = new RankingOptions();
                Assert.Equal(Flatten(CandidateRanking.Rank(w.Facts, options)), Flatten(CandidateRanking.Rank(w.Make(orgs, caps, members, engagements), options)));
            }, print: t => t.Item1.ToString());
    }

    [Fact]
    public void Scores_are_deterministic_each_part_stays_in_0_1_and_the_order_is_total()
    {
        Gen.Select(RankingWorldGen.Worlds, RankingWorldGen.Options).Sample((w, o) =>
        {
            var first = CandidateRanking.Rank(w.Facts, o);
            Assert.Equal(Flatten(first), Flatten(CandidateRanking.Rank(w.Facts, o)));
            Assert.Equal(Enumerable.Range(1, w.Organizations.Length), first.Select(c => c.Rank));
            foreach (var c in first)
            {
                Assert.Equal(RankingParts.InOrder, c.Parts.Select(p => p.Code));
                Assert.All(c.Parts, p => Assert.InRange(p.Value, 0.0, 1.0));
                Assert.All(c.Parts, p => Assert.EndsWith($": {p.Value:0.00}", p.Sentence));
                Assert.Equal(c.Parts.Sum(p => p.Weight * p.Value), c.Score, 12);
            }
            // Highest score first; equal scores by organization code.
            for (var i = 1; i < first.Count; i++)
                Assert.True(first[i - 1].Score > first[i].Score ||
                            (first[i - 1].Score == first[i].Score && string.CompareOrdinal(first[i - 1].OrganizationCode, first[i].OrganizationCode) < 0));
        }, print: t => t.Item1.ToString());
    }

    private static List<string> Flatten(IEnumerable<Candidate> ranking) =>
        ranking.Select(c => $"{c.Rank} {c.OrganizationCode} {c.Score:R} | {string.Join(" | ", c.Parts.Select(p => $"{p.Value:R} {p.Sentence}"))}").ToList();

    private static Interlock.Registry.Membership Copy(Interlock.Registry.Membership m, Guid org) => new()
    {
        OrganizationId = org, CountryIso3 = m.CountryIso3, Joined = m.Joined, Left = m.Left,
    };

    private static Engagement Copy(Engagement e, Guid org) => new()
    {
        OrganizationId = org, OwnerOrganizationId = org, AreaCode = e.AreaCode, CountryIso3 = e.CountryIso3, StartOn = e.StartOn, EndOn = e.EndOn,
        Status = e.Status, MandateKind = e.MandateKind, MandateReference = e.MandateReference,
    };
}
