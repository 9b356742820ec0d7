using CsCheck;
using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;
using Interlock.Registry;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>
/// Random ranking worlds for the property tests: a need in Liberia (real taxonomy, real M49 codes), a handful of
/// organizations, and capabilities, memberships and engagements drawn at random among them.
/// </summary>
internal static class RankingWorldGen
{
    public static readonly string[] AreaCodes = ReferenceWorld.Areas.Select(a => a.Code).ToArray();
    public static readonly Country Liberia = ReferenceWorld.Countries.Single(c => c.Iso3 == "LBR");
    private static readonly DateOnly Base = new(2000, 1, 1);

    public sealed record World(Need Need, Organization[] Organizations, Capability[] Capabilities, Membership[] Memberships, Engagement[] Engagements)
    {
        public RankingFacts Facts => Make(Organizations, Capabilities, Memberships, Engagements);

        public RankingFacts Make(IEnumerable<Organization> orgs, IEnumerable<Capability> caps, IEnumerable<Membership> members, IEnumerable<Engagement> engagements) =>
            new(Need, Liberia, [.. orgs], [.. caps], [.. members], [.. engagements], ReferenceWorld.Areas, M49Regions.Names([Liberia]));

        public override string ToString() =>
            $"need {Need.AreaCode} {Need.Priority} {Need.NeededWithinDays} {Need.Period}; orgs {string.Join(",", Organizations.Select(o => $"{o.Code}{(o.ChapterViii ? "*" : "")}"))}; " +
            $"caps {string.Join(";", Capabilities.Select(c => $"{Code(c.OwnerOrganizationId)}:{c.AreaCode}/{c.ReadinessDays}d/{Scope(c)}/{c.Personnel}/{c.Budget}"))}; " +
            $"members {string.Join(",", Memberships.Select(m => $"{Code(m.OrganizationId)}:{m.Joined}-{m.Left}"))}; " +
            $"engagements {string.Join(";", Engagements.Select(e => $"{Code(e.OrganizationId)}:{e.AreaCode}/{e.Status}/{e.MandateKind}/{e.Period}"))}";

        private static string Scope(Capability c) => c.Global ? "global" : string.Join("+", c.ScopeCountries.Concat(c.ScopeRegions));
        private string Code(Guid id) => Organizations.FirstOrDefault(o => o.Id == id)?.Code ?? "?";
    }

    public static Guid IdOf(int index) => new(index + 1, 0, 0, new byte[8]);

    public static Organization Org(int index, bool chapterViii) =>
        new() { Id = IdOf(index), Code = $"ORG{(char)('A' + index)}", NameEn = $"Organization {index}", NameFr = $"Organisation {index}", ChapterViii = chapterViii };

    /// <summary>0 global, 1 names Liberia, 2 Western Africa (011), 3 Africa (002), 4 elsewhere (Americas, 019).</summary>
    public static void SetScope(Capability c, int kind)
    {
        c.Global = kind == 0;
        c.ScopeCountries = kind == 1 ? ["LBR"] : [];
        c.ScopeRegions = kind switch { 2 => ["011"], 3 => ["002"], 4 => ["019"], _ => [] };
    }

    public static Gen<Capability> Capability(int orgs) =>
        Gen.Select(Gen.Int[0, orgs - 1], Gen.OneOf(AreaCodes), Gen.Int[0, 120], Gen.Int[-1, 3000], Gen.Enum<BudgetBand>(), Gen.Int[0, 4], Gen.Bool)
            .Select((owner, area, days, personnel, budget, scope, basis) =>
            {
                var c = new Capability
                {
                    OwnerOrganizationId = IdOf(owner), AreaCode = area, Description = area, ReadinessDays = days,
                    Personnel = personnel < 0 ? null : personnel, Budget = budget, MandateBasis = basis ? "Founding treaty" : null,
                    LastVerified = Base,
                };
                SetScope(c, scope);
                return c;
            });

    public static Gen<Membership> Membership(int orgs) =>
        Gen.Select(Gen.Int[0, orgs - 1], Gen.Int[0, 400], Gen.Int[-1, 400])
            .Select((owner, joined, left) => new Membership
            {
                OrganizationId = IdOf(owner), CountryIso3 = "LBR", Joined = Base.AddMonths(joined - 200),
                Left = left < 0 ? null : Base.AddMonths(joined - 200 + left + 1),
            });

    public static Gen<Engagement> Engagement(int orgs) =>
        Gen.Select(Gen.Int[0, orgs - 1], Gen.OneOf(AreaCodes), Gen.Enum<EngagementStatus>(), Gen.Enum<MandateKind>(), Gen.Int[0, 200], Gen.Int[-1, 200],
                Gen.OneOf("LBR", "SLE"))
            .Select((owner, area, status, mandate, start, length, iso3) => new Engagement
            {
                OrganizationId = IdOf(owner), OwnerOrganizationId = IdOf(owner), AreaCode = area, Status = status, MandateKind = mandate,
                MandateReference = mandate == MandateKind.None ? null : "S/RES/1 (2000)", CountryIso3 = iso3, StartOn = Base.AddMonths(start - 100),
                EndOn = length < 0 ? null : Base.AddMonths(start - 100 + length),
            });

    public static readonly Gen<Need> NeedGen =
        Gen.Select(Gen.OneOf(AreaCodes), Gen.Enum<NeedPriority>(), Gen.Int[-1, 120], Gen.Int[0, 120], Gen.Int[-1, 60])
            .Select((area, priority, within, start, length) => new Need
            {
                AreaCode = area, CountryIso3 = "LBR", Priority = priority, NeededWithinDays = within < 0 ? null : within,
                StartOn = Base.AddMonths(start - 60), EndOn = length < 0 ? null : Base.AddMonths(start - 60 + length),
            });

    public static readonly Gen<World> Worlds =
        from n in Gen.Int[1, 6]
        from chapter in Gen.Bool.Array[n]
        from need in NeedGen
        from caps in Capability(n).Array[0, 8]
        from members in Membership(n).Array[0, 6]
        from engagements in Engagement(n).Array[0, 8]
        select new World(need, chapter.Select((c, i) => Org(i, c)).ToArray(), caps, members, engagements);

    /// <summary>Weights with a positive capability weight (the other weights anything from 0 to 1).</summary>
    public static readonly Gen<RankingOptions> Options =
        Gen.Select(Gen.Double[0.01, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1])
            .Select((a, b, c, d, e, f) => new RankingOptions
            {
                Weights = new RankingWeights { Capability = a, Capacity = b, Membership = c, Scope = d, Presence = e, Mandate = f },
            });
}
