using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;

namespace Interlock.Tests.Unit.DivisionOfLabour.Ranking;

/// <summary>The formulas of the parts and the validation of the configuration.</summary>
public sealed class RankingRulesTests
{
    [Theory]
    [InlineData(14, 7, 1.0)]
    [InlineData(14, 14, 1.0)]
    [InlineData(14, 30, 15.0 / 31)]
    [InlineData(0, 0, 1.0)]
    [InlineData(0, 3, 0.25)]
    public void Readiness_is_1_within_the_days_needed_and_falls_with_the_delay(int needed, int ready, double expected) =>
        Assert.Equal(expected, CapabilityPart.Readiness(needed, ready), 12);

    [Fact]
    public void Personnel_counts_on_a_log_scale_and_budget_by_band()
    {
        Assert.Equal(0, CapacityPart.PersonnelValue(null, 1000));
        Assert.Equal(0, CapacityPart.PersonnelValue(0, 1000));
        Assert.Equal(1, CapacityPart.PersonnelValue(1000, 1000), 12);
        Assert.Equal(1, CapacityPart.PersonnelValue(50_000, 1000));
        Assert.InRange(CapacityPart.PersonnelValue(30, 1000), 0.49, 0.51);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1.0], Enum.GetValues<BudgetBand>().Select(CapacityPart.BudgetValue));
    }

    [Fact]
    public void Presence_grows_with_each_engagement_and_never_reaches_beyond_1()
    {
        Assert.Equal(0, PresencePart.ValueOf(0));
        Assert.Equal(0.5, PresencePart.ValueOf(1));
        Assert.Equal(0.75, PresencePart.ValueOf(2));
        Assert.True(PresencePart.ValueOf(40) <= 1);
    }

    [Fact]
    public void Days_needed_come_from_the_need_else_from_its_priority()
    {
        var o = new RankingOptions();
        Need N(NeedPriority p, int? days = null) => new() { AreaCode = "mediation", CountryIso3 = "LBR", Priority = p, NeededWithinDays = days };
        Assert.Equal([90, 30, 14, 7], Enum.GetValues<NeedPriority>().Select(p => o.DaysNeeded(N(p))));
        Assert.Equal(2, o.DaysNeeded(N(NeedPriority.Low, 2)));
    }

    [Fact]
    public void The_default_weights_are_valid_and_sum_to_1_and_bad_ones_are_reported()
    {
        var defaults = new RankingOptions();
        Assert.Empty(defaults.Problems());
        Assert.Equal(1.0, defaults.Weights.All.Sum(w => w.Weight), 12);

        var negative = new RankingOptions { Weights = new RankingWeights { Presence = -0.1 } };
        Assert.Equal("DivisionOfLabour:Ranking:Weights:Presence must be a number of zero or more.", Assert.Single(negative.Problems()));
        var zero = new RankingOptions { Weights = new RankingWeights { Capability = 0, Capacity = 0, Membership = 0, Scope = 0, Presence = 0, Mandate = 0 } };
        Assert.Equal("DivisionOfLabour:Ranking:Weights must not all be zero.", Assert.Single(zero.Problems()));
        Assert.NotEmpty(new RankingOptions { Weights = new RankingWeights { Scope = double.NaN } }.Problems());
        Assert.NotEmpty(new RankingOptions { DaysByPriority = new PriorityDays { Low = -1 } }.Problems());
        Assert.NotEmpty(new RankingOptions { PersonnelForFullCapacity = 0 }.Problems());
    }
}
