using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Risk;
using Xunit;
using static Interlock.EarlyWarning.Risk.DerivedIndicators;

namespace Interlock.Tests.Unit.EarlyWarning;

/// <summary>The derived indicators and each rule of the risk model, on hand-made series.</summary>
public sealed class RiskRulesTests
{
    private static readonly DateOnly M = new(2024, 10, 1);
    private static readonly Dictionary<string, SeriesBounds> NoBounds = [];

    private static CountryMonth Ged(string iso3, DateOnly month, int sb, int ns = 0, int os = 0, int events = 1, int areas = 1) =>
        new() { Series = EventDatasets.UcdpGed, CountryIso3 = iso3, Month = month, StateBased = sb, NonState = ns, OneSided = os, Other = 0, Events = events, Admin1Areas = areas };

    private static CountryMonth Views(string iso3, DateOnly month, int sb) =>
        new() { Series = EventDatasets.ViewsGedSb, CountryIso3 = iso3, Month = month, StateBased = sb };

    /// <summary>The facts of <paramref name="month"/> for country AAA (neighbour BBB) from the given rows.</summary>
    private static MonthFacts Facts(IEnumerable<CountryMonth> rows, DateOnly month, RiskSettings? settings = null)
    {
        var all = rows.ToList();
        var bounds = all.GroupBy(r => r.Series).ToDictionary(g => g.Key, g => new SeriesBounds(g.Min(r => r.Month), g.Max(r => r.Month)));
        var chosen = all.GroupBy(r => r.CountryIso3).ToDictionary(g => g.Key, g => SeriesChoice.Choose(g, bounds));
        return ForCountry("AAA", chosen["AAA"], ["BBB"], chosen, settings ?? RiskSettings.Default).Single(f => f.Month == month);
    }

    private static IEnumerable<CountryMonth> Quiet(string iso3, DateOnly until, int months, int sb = 0) =>
        Enumerable.Range(1, months).Select(k => Ged(iso3, until.AddMonths(-k), sb));

    [Fact]
    public void Fatality_indicators_come_from_the_month_and_organized_violence_sums_the_three_types()
    {
        var f = Facts([Ged("AAA", M, sb: 340, ns: 20, os: 7, events: 31, areas: 5)], M);
        Assert.Equal(340, f.Values[StateBased].Value);
        Assert.Equal(RiskLevel.Alert, f.Values[StateBased].Level);
        Assert.Equal(367, f.Values[Organized].Value);
        Assert.Equal((31d, RiskLevel.Warning), (f.Values[Events].Value, f.Values[Events].Level));
        Assert.Equal((5d, RiskLevel.Warning), (f.Values[Spread].Value, f.Values[Spread].Level));
        Assert.Equal("340 deaths, at or above the Alert threshold of 250 (UCDP GED)", f.Values[StateBased].Reason);
    }

    [Fact]
    public void A_month_without_events_inside_a_dataset_coverage_is_zero_and_outside_it_falls_back_to_VIEWS()
    {
        var rows = new[] { Ged("AAA", M.AddMonths(-2), 5), Ged("BBB", M, 1), Views("AAA", M.AddMonths(-2), 9), Views("AAA", M.AddMonths(1), 70) };
        var bounds = new Dictionary<string, SeriesBounds>
        {
            [EventDatasets.UcdpGed] = new(M.AddMonths(-2), M), [EventDatasets.ViewsGedSb] = new(M.AddMonths(-2), M.AddMonths(1)),
        };
        var chosen = SeriesChoice.Choose(rows.Where(r => r.CountryIso3 == "AAA"), bounds);
        Assert.Equal(EventDatasets.UcdpGed, chosen[M.AddMonths(-2)].Series); // never summed with VIEWS' 9
        Assert.Equal(5, chosen[M.AddMonths(-2)].StateBased);
        Assert.Equal((EventDatasets.UcdpGed, 0), (chosen[M].Series, chosen[M].StateBased)); // covered, no events: zero
        Assert.Equal((EventDatasets.ViewsGedSb, 70, (int?)null), (chosen[M.AddMonths(1)].Series, chosen[M.AddMonths(1)].StateBased, chosen[M.AddMonths(1)].NonState));
    }

    [Fact]
    public void A_window_of_months_chooses_as_the_whole_when_told_which_series_the_country_has_rows_in()
    {
        // AAA's only GED row is before the window; GED still covers the window's months (zero), not VIEWS.
        var rows = new[] { Ged("AAA", M.AddMonths(-6), 5), Views("AAA", M.AddMonths(-1), 9), Views("AAA", M, 70) };
        var bounds = new Dictionary<string, SeriesBounds>
        {
            [EventDatasets.UcdpGed] = new(M.AddMonths(-6), M), [EventDatasets.ViewsGedSb] = new(M.AddMonths(-6), M),
        };
        var whole = SeriesChoice.Choose(rows, bounds);
        var from = M.AddMonths(-1);
        var window = SeriesChoice.Choose(rows.Where(r => r.Month >= from), bounds, new HashSet<string> { EventDatasets.UcdpGed, EventDatasets.ViewsGedSb }, from);
        Assert.Equal(whole.Where(kv => kv.Key >= from), window);
        Assert.Equal((EventDatasets.UcdpGed, 0), (window[M].Series, window[M].StateBased));
        // Without being told, the window would wrongly fall back to VIEWS.
        Assert.Equal(EventDatasets.ViewsGedSb, SeriesChoice.Choose(rows.Where(r => r.Month >= from), bounds, null, from)[M].Series);
    }

    [Fact]
    public void Incident_reports_cover_only_their_own_months()
    {
        var incident = new CountryMonth { Series = EventDatasets.Incident, CountryIso3 = "AAA", Month = M, StateBased = 4, NonState = 0, OneSided = 0, Events = 1, Admin1Areas = 1 };
        var bounds = new Dictionary<string, SeriesBounds> { [EventDatasets.Incident] = new(M.AddMonths(-24), M), [EventDatasets.ViewsGedSb] = new(M.AddMonths(-3), M.AddMonths(-1)) };
        var chosen = SeriesChoice.Choose([incident, Views("AAA", M.AddMonths(-1), 3)], bounds);
        Assert.Equal(EventDatasets.ViewsGedSb, chosen[M.AddMonths(-1)].Series);
        Assert.Equal(EventDatasets.Incident, chosen[M].Series);
        Assert.Equal(4, chosen.Count);
    }

    [Fact]
    public void Change_against_3_months_divides_by_their_mean_and_needs_the_minimum_deaths()
    {
        var f = Facts(Quiet("AAA", M, 12, sb: 10).Append(Ged("AAA", M, sb: 40)).Append(Ged("BBB", M, 0)), M);
        Assert.Equal(4, f.Values[Change3].Value);
        Assert.Equal(RiskLevel.Alert, f.Values[Change3].Level);
        Assert.Equal(4, f.Values[Change12].Value);
        Assert.Contains("40 organized-violence deaths in 2024-10, 4 times the mean of the previous 3 months (10)", f.Values[Change3].Reason);

        var low = Facts(Quiet("AAA", M, 12).Append(Ged("AAA", M, sb: 9)), M);
        Assert.False(low.Values.ContainsKey(Change3)); // under 10 deaths: no ratio
    }

    [Fact]
    public void After_quiet_months_the_mean_counts_as_one_death()
    {
        var f = Facts(Quiet("AAA", M, 3).Append(Ged("AAA", M, sb: 10)), M);
        Assert.Equal(10, f.Values[Change3].Value);
        Assert.False(f.Values.ContainsKey(Change12)); // the 12-month window is not covered
    }

    [Fact]
    public void A_change_compares_state_based_deaths_when_a_month_of_the_window_knows_only_those()
    {
        var rows = new[] { Views("AAA", M.AddMonths(-3), 10), Views("AAA", M.AddMonths(-2), 10), Views("AAA", M.AddMonths(-1), 10), Ged("AAA", M, sb: 20, os: 100) };
        var f = Facts(rows, M);
        Assert.Equal(2, f.Values[Change3].Value); // 20 state-based against 10, not 120 organized
        Assert.Contains("state-based deaths", f.Values[Change3].Reason);
    }

    [Fact]
    public void Spillover_sums_the_neighbours_fatalities()
    {
        var f = Facts([Ged("AAA", M, 0), Ged("BBB", M, sb: 900, ns: 100, os: 50)], M);
        Assert.Equal(1050, f.Values[Spillover].Value);
        Assert.Equal(RiskLevel.Alert, f.Values[Spillover].Level);
        Assert.Contains("(BBB 1,050)", f.Values[Spillover].Reason);
    }

    [Fact]
    public void Rule_fatalities_sets_the_level_with_the_figures_and_the_12_month_mean()
    {
        var f = Facts(Quiet("AAA", M, 12, sb: 100).Append(Ged("AAA", M, sb: 340)), M);
        var r = RiskRules.Assess(f, [], RiskSettings.Default);
        Assert.Equal(RiskLevel.Alert, r.Level);
        Assert.Contains(r.Reasons, s => s.StartsWith("State-based violence fatalities 340 in 2024-10, at or above the Alert threshold of 250", StringComparison.Ordinal)
                                        && s.Contains("3.4 times the 12-month mean (100)"));
    }

    [Fact]
    public void Rule_activity_counts_events_and_spread_up_to_Warning_only()
    {
        var f = Facts([Ged("AAA", M, sb: 0, events: 80, areas: 9)], M);
        var r = RiskRules.Assess(f, [], RiskSettings.Default);
        Assert.Equal(RiskLevel.Warning, r.Level);
        Assert.Contains(r.Reasons, s => s.Contains("Conflict events 80 in 2024-10, at or above the Alert threshold of 60; activity counts up to Warning."));
    }

    [Fact]
    public void Rule_escalation_raises_the_level_one_step_only_with_fatalities_at_Watch()
    {
        var escalating = Facts(Quiet("AAA", M, 12, sb: 5).Append(Ged("AAA", M, sb: 30)), M);
        var r = RiskRules.Assess(escalating, [], RiskSettings.Default);
        Assert.Equal(RiskLevel.Warning, r.Level); // Watch (30 deaths) raised one step by a sixfold rise
        Assert.StartsWith("Escalation (change against the previous 3 months): 30 organized-violence deaths in 2024-10, 6 times", r.Reasons[0]);
        Assert.EndsWith("the level is raised one step from Watch to Warning.", r.Reasons[0]);

        var capped = Facts(Quiet("AAA", M, 12, sb: 20).Append(Ged("AAA", M, sb: 300)), M);
        Assert.Equal(RiskLevel.Alert, RiskRules.Assess(capped, [], RiskSettings.Default).Level);

        // A rise in a quiet country without Watch-level fatalities does not escalate (os 3 is below Watch).
        var small = Facts(Quiet("AAA", M, 12).Append(Ged("AAA", M, sb: 0, ns: 0, os: 4)), M);
        Assert.Equal(RiskLevel.Low, RiskRules.Assess(small, [], RiskSettings.Default).Level);
    }

    [Fact]
    public void Rule_spillover_makes_a_quiet_country_at_least_Watch()
    {
        var f = Facts([Ged("AAA", M, 0), Ged("BBB", M, sb: 1000)], M);
        var r = RiskRules.Assess(f, [], RiskSettings.Default);
        Assert.Equal(RiskLevel.Watch, r.Level);
        Assert.Equal("Fatalities in neighbouring countries 1,000 in 2024-10, at or above the Alert threshold of 1,000: at least Watch.", r.Reasons.Single());
    }

    [Fact]
    public void Rule_reported_makes_a_public_Alert_value_count_as_at_least_Warning()
    {
        var f = Facts([Ged("AAA", M, 0)], M);
        var r = RiskRules.Assess(f, [new ReportedValue("unconstitutional-change", 1, RiskLevel.Alert)], RiskSettings.Default);
        Assert.Equal(RiskLevel.Warning, r.Level);
        Assert.Equal("Unconstitutional change of government (reported) 1 in 2024-10, at or above the Alert threshold of 1: at least Warning.", r.Reasons.Single());
        Assert.Equal(RiskLevel.Watch, RiskRules.Assess(f, [new ReportedValue("displacement", 12000, RiskLevel.Warning)], RiskSettings.Default).Level);
    }

    [Fact]
    public void Nothing_firing_is_Low_in_one_sentence_and_settings_change_the_rules()
    {
        var f = Facts([Ged("AAA", M, sb: 3)], M);
        var r = RiskRules.Assess(f, [], RiskSettings.Default);
        Assert.Equal((RiskLevel.Low, "No indicator reaches the threshold its rule needs in 2024-10: Low."), (r.Level, r.Reasons.Single()));

        var busy = Facts([Ged("AAA", M, sb: 0, events: 80)], M);
        Assert.Equal(RiskLevel.Watch, RiskRules.Assess(busy, [], RiskSettings.Default with { ActivityCap = RiskLevel.Watch }).Level);
    }

    [Fact]
    public void The_rules_are_deterministic()
    {
        var f = Facts(Quiet("AAA", M, 12, sb: 7).Append(Ged("AAA", M, sb: 90, ns: 12, os: 30, events: 25, areas: 5)).Append(Ged("BBB", M, 700)), M);
        var a = RiskRules.Assess(f, [new ReportedValue("protests", 90, RiskLevel.Alert)], RiskSettings.Default);
        var b = RiskRules.Assess(f, [new ReportedValue("protests", 90, RiskLevel.Alert)], RiskSettings.Default);
        Assert.Equal(a.Level, b.Level);
        Assert.Equal(a.Reasons, b.Reasons);
    }
}
