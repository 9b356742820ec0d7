using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Alerts;

public class AlertTriggerTests
{
    private static readonly Guid Un = Guid.CreateVersion7(), Ecowas = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Jan = new(2025, 1, 1), Feb = new(2025, 2, 1), Mar = new(2025, 3, 1);

    private static CountryRisk Risk(string iso3, DateOnly month, RiskLevel level, DateTimeOffset? at = null) => new()
    {
        CountryIso3 = iso3, Month = month, Level = level, ComputedAt = at ?? Now.AddHours(-1),
    };

    private static List<Alert> Rises(IReadOnlyCollection<CountryRisk> risks, DateOnly from, DateTimeOffset? since = null) =>
        AlertTriggers.RiskRises(risks, from, since, Un, iso3 => iso3 == "MLI" ? "Mali" : iso3, Now);

    [Fact]
    public void A_rise_to_Warning_or_Alert_raises_a_public_alert()
    {
        var alerts = Rises([Risk("MLI", Feb, RiskLevel.Watch), Risk("MLI", Mar, RiskLevel.Warning)], Mar);
        var a = Assert.Single(alerts);
        Assert.Equal((AlertTrigger.RiskRise, RiskLevel.Warning, RiskLevel.Watch), (a.Trigger, a.Level, a.PreviousLevel));
        Assert.Equal("risk:Warning", a.TriggerKey);
        Assert.Equal(Classification.Public, a.Classification);
        Assert.Equal(Un, a.OwnerOrganizationId);
        Assert.Equal("Mali: risk rose to Warning in 2025-03", a.Title);
        Assert.Equal("The risk level of Mali rose from Watch in 2025-02 to Warning in 2025-03.", a.Summary);
        Assert.Empty(a.Reasons); // written by the evaluator from the figures (RiskExplanations)
    }

    [Fact]
    public void A_month_without_a_previous_month_counts_as_a_rise_from_Low()
    {
        var a = Assert.Single(Rises([Risk("MLI", Mar, RiskLevel.Alert)], Mar));
        Assert.Equal(RiskLevel.Low, a.PreviousLevel);
        Assert.Equal("risk:Alert", a.TriggerKey);
    }

    [Theory]
    [InlineData(RiskLevel.Warning, RiskLevel.Warning)] // steady
    [InlineData(RiskLevel.Alert, RiskLevel.Warning)]   // falling
    [InlineData(RiskLevel.Low, RiskLevel.Watch)]       // rising, but not to Warning
    public void No_alert_unless_the_level_rises_to_Warning_or_above(RiskLevel before, RiskLevel after) =>
        Assert.Empty(Rises([Risk("MLI", Feb, before), Risk("MLI", Mar, after)], Mar));

    [Fact]
    public void Months_before_the_window_and_rows_already_seen_raise_nothing()
    {
        var risks = new[] { Risk("MLI", Jan, RiskLevel.Alert), Risk("MLI", Feb, RiskLevel.Low, Now.AddDays(-3)), Risk("MLI", Mar, RiskLevel.Alert, Now.AddDays(-3)) };
        Assert.Single(Rises(risks, Mar)); // January is outside the window
        Assert.Empty(Rises(risks, Mar, since: Now.AddDays(-1))); // nothing computed since the last evaluation
        // A recomputed previous month can reveal a rise: the pair counts as new.
        risks[1].ComputedAt = Now;
        Assert.Single(Rises(risks, Mar, since: Now.AddDays(-1)));
    }

    private static IndicatorValue Reported(RiskLevel level, Guid? observation, Classification classification = Classification.Confidential) => new()
    {
        IndicatorCode = "displacement", CountryIso3 = "MLI", Month = Mar, Value = 120_000, Level = level, Reason = "120,000 people, at or above the Alert threshold",
        ObservationId = observation, OwnerOrganizationId = Ecowas, Classification = classification, ComputedAt = Now,
    };

    [Fact]
    public void A_reported_value_at_Alert_level_raises_an_alert_with_the_observations_label()
    {
        var observation = Guid.CreateVersion7();
        var alerts = AlertTriggers.ReportedAtAlert([Reported(RiskLevel.Alert, observation), Reported(RiskLevel.Warning, Guid.CreateVersion7()),
            Reported(RiskLevel.Alert, null)], Mar, null, _ => "Mali", _ => "ECOWAS", Now);
        var a = Assert.Single(alerts);
        Assert.Equal((AlertTrigger.ReportedIndicator, Ecowas, Classification.Confidential), (a.Trigger, a.OwnerOrganizationId, a.Classification));
        Assert.Equal($"displacement:{observation:D}", a.TriggerKey);
        Assert.Equal(observation, a.ObservationId);
        Assert.Equal(120_000, a.Value);
        Assert.StartsWith("ECOWAS reported", a.Summary);
        Assert.Equal(["120,000 people, at or above the Alert threshold"], a.Reasons);
    }
}
