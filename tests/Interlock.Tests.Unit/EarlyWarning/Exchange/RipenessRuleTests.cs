using Interlock.EarlyWarning.Risk;
using Interlock.EarlyWarning.Situations.Ripeness;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

public sealed class RipenessRuleTests
{
    private static readonly DateOnly May = new(2024, 5, 1);
    private static readonly RipenessOptions Defaults = new();

    private static RipenessFacts Facts(IReadOnlyList<(DateOnly, RiskLevel)>? risk = null, IReadOnlyList<CapabilityFact>? caps = null,
        IReadOnlySet<string>? members = null) =>
        new("Central African Republic", "preventive-diplomacy", risk ?? [], caps ?? [], members ?? new HashSet<string>());

    private static (DateOnly, RiskLevel)[] Months(params RiskLevel[] newestFirst) =>
        newestFirst.Select((l, i) => (May.AddMonths(-i), l)).ToArray();

    [Fact]
    public void Risk_is_met_by_two_consecutive_months_at_Warning_or_above()
    {
        var c = RipenessRule.RiskCondition(Facts(Months(RiskLevel.Warning, RiskLevel.Alert)), Defaults);
        Assert.Equal(ConditionState.Met, c.State);
        Assert.Contains(c.Facts, f => f.Contains("in each of the 2 months to 2024-05"));
    }

    [Fact]
    public void Risk_is_not_met_by_one_month_at_Warning_after_a_higher_one_nor_by_a_gap()
    {
        // One month at Warning after Watch: a rise, which counts only when rising is allowed.
        var noRising = new RipenessOptions { RisingCounts = false };
        Assert.Equal(ConditionState.NotMet, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Warning, RiskLevel.Watch)), noRising).State);
        // A month without a computed level breaks the run.
        var gap = new[] { (May, RiskLevel.Alert), (May.AddMonths(-2), RiskLevel.Alert) };
        var c = RipenessRule.RiskCondition(Facts(gap), Defaults);
        Assert.Equal(ConditionState.NotMet, c.State);
        Assert.Contains(c.Facts, f => f.Contains("no level computed for the month before"));
    }

    [Fact]
    public void Risk_is_met_by_a_rise_to_Watch_or_above_and_not_by_a_fall_or_a_steady_low()
    {
        Assert.Equal(ConditionState.Met, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Watch, RiskLevel.Low)), Defaults).State);
        Assert.Equal(ConditionState.NotMet, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Watch, RiskLevel.Alert)), Defaults).State);
        Assert.Equal(ConditionState.NotMet, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Low, RiskLevel.Low)), Defaults).State);
        var higherFloor = new RipenessOptions { RisingMinimumLevel = RiskLevel.Warning };
        Assert.Equal(ConditionState.NotMet, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Watch, RiskLevel.Low)), higherFloor).State);
    }

    [Fact]
    public void Risk_without_any_computed_level_is_not_met_and_says_so()
    {
        var c = RipenessRule.RiskCondition(Facts(), Defaults);
        Assert.Equal(ConditionState.NotMet, c.State);
        Assert.Contains("No risk level has been computed", Assert.Single(c.Facts));
    }

    [Fact]
    public void Consecutive_months_and_minimum_level_are_configurable()
    {
        var three = new RipenessOptions { ConsecutiveMonths = 3, RisingCounts = false };
        Assert.Equal(ConditionState.NotMet, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Alert, RiskLevel.Alert)), three).State);
        Assert.Equal(ConditionState.Met, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Alert, RiskLevel.Alert, RiskLevel.Warning)), three).State);
        var watch = new RipenessOptions { MinimumLevel = RiskLevel.Watch, RisingCounts = false };
        Assert.Equal(ConditionState.Met, RipenessRule.RiskCondition(Facts(Months(RiskLevel.Watch, RiskLevel.Watch)), watch).State);
    }

    [Fact]
    public void Capability_is_met_when_an_organization_records_one_in_the_stage_area()
    {
        Assert.Equal(ConditionState.NotMet, RipenessRule.CapabilityCondition(Facts(), Defaults).State);
        var c = RipenessRule.CapabilityCondition(Facts(caps: [new("AU", "mediation", null), new("AU", "good-offices", null)]), Defaults);
        Assert.Equal(ConditionState.Met, c.State);
        Assert.Equal("AU: good-offices, mediation", Assert.Single(c.Facts));
    }

    [Fact]
    public void Mandate_comes_from_membership_or_a_capability_scope_covering_the_country()
    {
        var outside = Facts(caps: [new("EU", "mediation", null)]);
        Assert.Equal(ConditionState.NotMet, RipenessRule.MandateCondition(outside, Defaults).State);

        var member = Facts(caps: [new("ECCAS", "mediation", null)], members: new HashSet<string> { "ECCAS" });
        var m = RipenessRule.MandateCondition(member, Defaults);
        Assert.Equal(ConditionState.Met, m.State);
        Assert.Equal("ECCAS: Central African Republic is a member.", Assert.Single(m.Facts));

        var scoped = Facts(caps: [new("EU", "mediation", "scope names Central African Republic")]);
        Assert.Equal(ConditionState.Met, RipenessRule.MandateCondition(scoped, Defaults).State);
    }

    [Fact]
    public void Ripe_only_when_every_required_condition_is_met_and_needs_are_not_yet_evaluated()
    {
        var all = Facts(Months(RiskLevel.Alert, RiskLevel.Warning), [new("AU", "mediation", null)], new HashSet<string> { "AU" });
        var a = RipenessRule.Evaluate(all, Defaults);
        Assert.True(a.Ripe);
        var needs = a.Conditions.Single(c => c.Code == "needs");
        Assert.Equal((ConditionState.NotEvaluated, false), (needs.State, needs.Required));

        Assert.False(RipenessRule.Evaluate(all with { MemberOf = new HashSet<string>() }, Defaults).Ripe);
        Assert.True(RipenessRule.Evaluate(all with { MemberOf = new HashSet<string>() }, new RipenessOptions { RequireMandate = false }).Ripe);
        Assert.False(RipenessRule.Evaluate(all with { Risk = Months(RiskLevel.Low) }, Defaults).Ripe);
    }

    [Fact]
    public void Options_outside_their_range_are_reported()
    {
        Assert.Empty(new RipenessOptions().Problems());
        Assert.NotEmpty(new RipenessOptions { ConsecutiveMonths = 0 }.Problems());
    }
}
