using Interlock.Capabilities;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// Ranks every organization for a need by comparative advantage: score = Σ weight × value over the six parts
/// (<see cref="RankingParts"/>), highest first; equal scores are ordered by organization code, so the order is total and
/// does not depend on the order the facts came in. Organizations not yet founded or already dissolved when the need
/// starts are left out.
/// </summary>
public static class CandidateRanking
{
    public static IReadOnlyList<Candidate> Rank(RankingFacts facts, RankingOptions options)
    {
        var need = facts.Need;
        var coverage = new Coverage(facts.Areas);
        var context = new NeedContext(need, facts.Country, options.DaysNeeded(need), coverage,
            CapabilityFinder.Place.ForCountry(facts.Country), code => facts.RegionNames.GetValueOrDefault(code, code));

        // A capability serves the need when it is on the need's branch and its scope covers the country.
        var onBranch = facts.Capabilities.Where(c => coverage.SameBranch(need.AreaCode, c.AreaCode)).ToList();
        var capabilities = onBranch.Where(c => CapabilityFinder.Covers(c, context.Place, context.RegionName) is not null).ToLookup(c => c.OwnerOrganizationId);
        var outOfScope = onBranch.Where(c => CapabilityFinder.Covers(c, context.Place, context.RegionName) is null).ToLookup(c => c.OwnerOrganizationId);
        var memberships = facts.Memberships.Where(m => string.Equals(m.CountryIso3, facts.Country.Iso3, StringComparison.OrdinalIgnoreCase))
            .ToLookup(m => m.OrganizationId);
        // Presence is about being there when the need is: live engagements in the country whose period meets the need's.
        var engagements = facts.Engagements
            .Where(e => Vocabulary.IsLive(e.Status) && string.Equals(e.CountryIso3, facts.Country.Iso3, StringComparison.OrdinalIgnoreCase) &&
                        need.Period.Overlaps(e.Period))
            .ToLookup(e => e.OrganizationId);

        var scored = facts.Organizations
            // Only organizations that exist when the need starts: founded by then (a year-only date counts from 1 January) and not dissolved.
            .Where(o => o.IsActive(need.StartOn) && (o.Established is null || o.Established <= need.StartOn))
            .DistinctBy(o => o.Id)
            .Select(o => Score(context, new CandidateFacts(o, capabilities[o.Id].ToList(), outOfScope[o.Id].ToList(), memberships[o.Id].ToList(), engagements[o.Id].ToList()), options))
            .OrderByDescending(c => c.Score).ThenBy(c => c.OrganizationCode, StringComparer.Ordinal)
            .ToList();
        return scored.Select((c, i) => c with { Rank = i + 1 }).ToList();
    }

    /// <summary>One organization's score, unranked (rank 0).</summary>
    public static Candidate Score(NeedContext n, CandidateFacts f, RankingOptions o)
    {
        var values = new Dictionary<string, PartValue>
        {
            [RankingParts.Capability] = CapabilityPart.Evaluate(n, f),
            [RankingParts.Capacity] = CapacityPart.Evaluate(n, f, o),
            [RankingParts.Membership] = MembershipPart.Evaluate(n, f),
            [RankingParts.Scope] = ScopePart.Evaluate(n, f),
            [RankingParts.Presence] = PresencePart.Evaluate(n, f),
            [RankingParts.Mandate] = MandatePart.Evaluate(n, f),
        };
        var parts = RankingParts.InOrder.Select(p => new ScorePart(p, values[p].Value, o.Weights.Of(p), values[p].Sentence)).ToList();
        // Summed in the fixed order of the parts, so the same facts always give the same bits.
        var score = parts.Aggregate(0.0, (sum, p) => sum + p.Contribution);
        return new Candidate(0, f.Organization.Id, f.Organization.Code, f.Organization.NameEn, score, parts);
    }
}
