using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;

namespace Interlock.Tests.Unit.EarlyWarning;

public class IndicatorCatalogTests
{
    [Fact]
    public void The_framework_has_at_least_twenty_indicators_across_all_five_dimensions()
    {
        Assert.True(IndicatorCatalog.All.Count >= 20, $"{IndicatorCatalog.All.Count} indicators");
        Assert.Equal(Enum.GetValues<IndicatorDimension>().Order(), IndicatorCatalog.All.Select(i => i.Dimension).Distinct().Order());
        Assert.All(IndicatorCatalog.All, i => Assert.StartsWith("#", i.Hxl));
        Assert.All(IndicatorCatalog.All, i => Assert.NotEqual(i.NameEn, i.NameFr));
    }

    [Theory]
    [InlineData("sb-fatalities"), InlineData("ns-fatalities"), InlineData("os-fatalities"), InlineData("events"),
     InlineData("spread"), InlineData("change-3m"), InlineData("change-12m"), InlineData("spillover")]
    public void The_event_derived_indicators_the_exchange_needs_are_there(string code) =>
        Assert.Equal(IndicatorSource.Derived, IndicatorCatalog.Get(code).Source);

    [Theory]
    [InlineData(9, RiskLevel.Low), InlineData(10, RiskLevel.Watch), InlineData(49, RiskLevel.Watch),
     InlineData(50, RiskLevel.Warning), InlineData(250, RiskLevel.Alert), InlineData(3400, RiskLevel.Alert)]
    public void Thresholds_are_inclusive(double value, RiskLevel expected) =>
        Assert.Equal(expected, IndicatorCatalog.Get("sb-fatalities").LevelOf(value));

    [Fact]
    public void Lower_is_worse_indicators_count_downwards()
    {
        var spi = IndicatorCatalog.Get("rainfall-anomaly");
        Assert.Equal(RiskLevel.Low, spi.LevelOf(0.4));
        Assert.Equal(RiskLevel.Watch, spi.LevelOf(-1.2));
        Assert.Equal(RiskLevel.Alert, spi.LevelOf(-2.3));
        Assert.Equal("-2.3 index, at or below the Alert threshold of -2", spi.Explain(-2.3));
    }

    [Fact]
    public void A_value_is_explained_against_its_threshold()
    {
        var sb = IndicatorCatalog.Get("sb-fatalities");
        Assert.Equal("340 deaths, at or above the Alert threshold of 250", sb.Explain(340));
        Assert.Equal("3 deaths, below the Watch threshold of 10", sb.Explain(3));
    }

    [Fact]
    public void An_indicator_with_only_an_alert_threshold_jumps_from_low_to_alert()
    {
        var coup = IndicatorCatalog.Get("unconstitutional-change");
        Assert.Equal(RiskLevel.Low, coup.LevelOf(0));
        Assert.Equal(RiskLevel.Alert, coup.LevelOf(1));
    }
}
