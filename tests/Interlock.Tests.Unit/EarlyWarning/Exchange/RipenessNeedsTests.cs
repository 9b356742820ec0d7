using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Risk;
using Interlock.EarlyWarning.Situations.Ripeness;
using Interlock.Registry;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

/// <summary>The "needs" condition of ripeness: a need of the situation that no planned or active engagement covers today.</summary>
public sealed class RipenessNeedsTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);
    private static readonly Coverage Taxonomy = new(ReferenceData.ReadAreas());
    private static readonly Guid Ecowas = Guid.NewGuid(), Un = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Codes = new() { [Ecowas] = "ECOWAS", [Un] = "UN" };

    private static Need Need(string area, DateOnly? end = null, string? admin1 = null) =>
        new() { AreaCode = area, CountryIso3 = "LBR", Admin1 = admin1, StartOn = new DateOnly(2024, 1, 1), EndOn = end, Priority = NeedPriority.High };

    private static Engagement Engagement(Guid org, string area, EngagementStatus status = EngagementStatus.Active, DateOnly? end = null) => new()
    {
        OrganizationId = org, AreaCode = area, CountryIso3 = "LBR", StartOn = new DateOnly(2023, 1, 1), EndOn = end, Status = status,
    };

    private static NeedsFacts Build(Need[] needs, Engagement[] engagements) =>
        NeedsFacts.Build(needs, engagements, Taxonomy, Codes, iso3 => iso3 == "LBR" ? "Liberia" : iso3, Today);

    private static RipenessFacts Facts(NeedsFacts? needs) =>
        new("Liberia", "preventive-diplomacy", [(Today, RiskLevel.Alert), (Today.AddMonths(-1), RiskLevel.Alert)], [new("ECOWAS", "mediation", null)],
            new HashSet<string> { "ECOWAS" }, needs);

    [Fact]
    public void Met_when_a_need_is_not_covered_today_naming_it_and_who_covers_the_others()
    {
        var needs = Build([Need("mediation"), Need("ddr", admin1: "Lofa")], [Engagement(Ecowas, "good-offices"), Engagement(Un, "preventive-diplomacy")]);
        var c = RipenessRule.NeedsCondition(Facts(needs), new RipenessOptions());
        Assert.Equal(ConditionState.Met, c.State);
        Assert.False(c.Required);
        Assert.Equal(
        [
            "Not covered: ddr in Lofa, Liberia from 2024-01-01 (High priority).",
            // Preventive diplomacy is mediation's parent: the same branch covers it; good offices is a sibling and does not.
            "Covered: mediation in Liberia from 2024-01-01 (High priority), by UN.",
        ], c.Facts);
    }

    [Fact]
    public void Not_met_when_every_open_need_is_covered_and_completed_or_ended_engagements_cover_nothing()
    {
        var covered = Build([Need("mediation")], [Engagement(Ecowas, "mediation", EngagementStatus.Planned), Engagement(Un, "mediation")]);
        var c = RipenessRule.NeedsCondition(Facts(covered), new RipenessOptions());
        Assert.Equal(ConditionState.NotMet, c.State);
        Assert.Equal("Covered: mediation in Liberia from 2024-01-01 (High priority), by ECOWAS, UN.", Assert.Single(c.Facts));

        var stale = Build([Need("mediation")], [Engagement(Ecowas, "mediation", EngagementStatus.Completed), Engagement(Un, "mediation", end: Today.AddDays(-1))]);
        Assert.Equal(ConditionState.Met, RipenessRule.NeedsCondition(Facts(stale), new RipenessOptions()).State);
    }

    [Fact]
    public void Not_evaluated_without_needs_or_with_only_ended_ones_saying_which()
    {
        var none = RipenessRule.NeedsCondition(Facts(Build([], [])), new RipenessOptions());
        Assert.Equal(ConditionState.NotEvaluated, none.State);
        Assert.Contains("No needs are recorded for this situation", Assert.Single(none.Facts));

        var ended = RipenessRule.NeedsCondition(Facts(Build([Need("mediation", end: Today.AddDays(-1))], [])), new RipenessOptions());
        Assert.Equal(ConditionState.NotEvaluated, ended.State);
        Assert.Equal("All 1 recorded need has ended: no open need to cover.", Assert.Single(ended.Facts));

        Assert.Equal(ConditionState.NotEvaluated, RipenessRule.NeedsCondition(Facts(null), new RipenessOptions()).State);
    }

    [Fact]
    public void Required_only_when_configured_and_then_decides_ripeness()
    {
        var require = new RipenessOptions { RequireUncoveredNeed = true };
        var uncovered = Facts(Build([Need("mediation")], []));
        var covered = Facts(Build([Need("mediation")], [Engagement(Un, "mediation")]));

        Assert.True(RipenessRule.Evaluate(covered, new RipenessOptions()).Ripe);
        Assert.False(RipenessRule.Evaluate(covered, require).Ripe);
        Assert.True(RipenessRule.Evaluate(uncovered, require).Ripe);
        Assert.True(RipenessRule.Evaluate(uncovered, require).Conditions.Single(c => c.Code == "needs").Required);
        // Without any need recorded, a required condition cannot be met.
        Assert.False(RipenessRule.Evaluate(Facts(Build([], [])), require).Ripe);
    }
}
