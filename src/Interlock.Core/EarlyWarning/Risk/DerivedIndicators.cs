using System.Globalization;
using Interlock.EarlyWarning.Indicators;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// One derived indicator's value for a country-month, placed against its thresholds, with its reason in words. The
/// reason is written only when asked for: a full recompute computes about a million values and needs the words of
/// very few (the risk rules quote an escalation's); the pages and exports ask for the values they show.
/// </summary>
public sealed class DerivedValue
{
    private string? _reason;
    private readonly Func<string>? _write;
    private readonly IndicatorDefinition? _measured;
    private readonly string? _source;

    public DerivedValue(string code, double value, RiskLevel level, Func<string> reason) => (Code, Value, Level, _write) = (code, value, level, reason);

    public DerivedValue(string code, double value, RiskLevel level, string reason) => (Code, Value, Level, _reason) = (code, value, level, reason);

    /// <summary>A measured figure: "340 deaths, at or above the Alert threshold of 250 (UCDP GED)". No closure is allocated
    /// for the million values a full recompute computes.</summary>
    private DerivedValue(IndicatorDefinition def, double value, string source) =>
        (Code, Value, Level, _measured, _source) = (def.Code, value, def.LevelOf(value), def, source);

    public static DerivedValue Measured(IndicatorDefinition def, double value, string source) => new(def, value, source);

    public string Code { get; }
    public double Value { get; }
    public RiskLevel Level { get; }
    public string Reason => _reason ??= _write?.Invoke() ?? $"{_measured!.Explain(Value)} ({_source})";
}

/// <summary>What the rules know about one country-month: the chosen figures, the derived values and the recent means.</summary>
public sealed class MonthFacts
{
    public required string Iso3 { get; init; }
    public DateOnly Month { get; init; }
    /// <summary>Null when no series covers the month (only reported values are known).</summary>
    public MonthFigures? Figures { get; init; }
    public Dictionary<string, DerivedValue> Values { get; } = new(DerivedIndicators.Codes.Length, StringComparer.Ordinal);
    /// <summary>The mean deaths of the previous 12 months, when change-12m was computed.</summary>
    public double? Mean12 { get; set; }
}

/// <summary>
/// The derived indicators of data/reference/indicators.csv computed from the chosen country-month figures
/// (<see cref="SeriesChoice"/>). Plain arithmetic, no database: the recompute feeds it and stores the result.
/// <list type="bullet">
/// <item>The fatality measure of a month is organized violence (all three types) when its series knows them, else
/// state-based deaths (VIEWS). A change compares like with like: organized violence only when the month and every
/// month of the window know it, else state-based deaths throughout.</item>
/// <item>change-3m / change-12m: deaths in the month over the mean of the previous 3 / 12 months, when the month has at
/// least <see cref="RiskSettings.ChangeMinimumDeaths"/> deaths and every month of the window is covered; the mean is
/// taken as at least <see cref="RiskSettings.ChangeQuietMean"/>.</item>
/// <item>spillover: the sum of the fatality measures of the land neighbours that have figures for the month.</item>
/// </list>
/// </summary>
public static class DerivedIndicators
{
    public const string StateBased = "sb-fatalities", NonState = "ns-fatalities", OneSided = "os-fatalities", Organized = "ov-fatalities",
        Events = "events", Spread = "spread", Change3 = "change-3m", Change12 = "change-12m", Spillover = "spillover";

    public static readonly string[] Codes = [StateBased, NonState, OneSided, Organized, Events, Spread, Change3, Change12, Spillover];
    public static readonly string[] Fatalities = [StateBased, NonState, OneSided, Organized];

    public static List<MonthFacts> ForCountry(string iso3, SortedList<DateOnly, MonthFigures> own, IReadOnlyList<string> neighbours,
        IReadOnlyDictionary<string, SortedList<DateOnly, MonthFigures>> chosen, RiskSettings settings)
    {
        var result = new List<MonthFacts>(own.Count);
        // Looked up once per country, not once per month: the neighbours that have figures at all.
        var near = new List<(string Iso3, SortedList<DateOnly, MonthFigures> Figures)>(neighbours.Count);
        foreach (var n in neighbours)
            if (chosen.TryGetValue(n, out var theirs)) near.Add((n, theirs));
        // The twelve months before the current one, shared by change-3m and change-12m (null: not covered). The months
        // are in order, so they are found by walking back from the current one, not looked up in the tree.
        var previous = new MonthFigures?[12];
        var index = new int[own.Count];
        var figures = new MonthFigures[own.Count];
        var count = 0;
        foreach (var (m, f) in own) (index[count], figures[count++]) = (m.Year * 12 + m.Month - 1, f);
        var i = -1;
        foreach (var (month, f) in own)
        {
            i++;
            var facts = new MonthFacts { Iso3 = iso3, Month = month, Figures = f };
            var source = SeriesChoice.SourceName(f.Series);
            Add(facts, StateBased, f.StateBased, source);
            if (f.NonState is { } ns) Add(facts, NonState, ns, source);
            if (f.OneSided is { } os) Add(facts, OneSided, os, source);
            if (f.Organized is { } ov) Add(facts, Organized, ov, source);
            if (f.Events is { } n) Add(facts, Events, n, source);
            if (f.Admin1Areas is { } a) Add(facts, Spread, a, source);
            Array.Clear(previous);
            for (var j = i - 1; j >= 0 && index[i] - index[j] <= 12; j--) previous[index[i] - index[j] - 1] = figures[j];
            Change(facts, previous, 3, Change3, settings);
            facts.Mean12 = Change(facts, previous, 12, Change12, settings);
            SpilloverOf(facts, near);
            result.Add(facts);
        }
        return result;
    }

    private static void Add(MonthFacts facts, string code, double value, string detail)
    {
        var def = IndicatorCatalog.Get(code);
        facts.Values[code] = DerivedValue.Measured(def, value, detail);
    }

    /// <summary>Adds the change indicator when it can be computed; returns the window's mean deaths, or null.</summary>
    private static double? Change(MonthFacts facts, MonthFigures?[] previous, int months, string code, RiskSettings settings)
    {
        var current = facts.Figures!;
        var organized = current.Organized is not null;
        double organizedSum = 0, stateBasedSum = 0;
        for (var k = 0; k < months; k++)
        {
            if (previous[k] is not { } w) return null;
            if (w.Organized is { } o) organizedSum += o; else organized = false;
            stateBasedSum += w.StateBased;
        }
        var deaths = organized ? current.Organized!.Value : current.StateBased;
        if (deaths < settings.ChangeMinimumDeaths) return null;
        var mean = (organized ? organizedSum : stateBasedSum) / months;
        var ratio = Math.Round(deaths / Math.Max(mean, settings.ChangeQuietMean), 2);
        var def = IndicatorCatalog.Get(code);
        var level = def.LevelOf(ratio);
        var month = facts.Month;
        facts.Values[code] = new DerivedValue(code, ratio, level, () =>
            $"{Number(deaths)} {(organized ? "organized-violence" : "state-based")} deaths in {Month(month)}, {Number(ratio)} times " +
            $"the mean of the previous {months} months ({Number(Math.Round(mean, 1))}); {Placement(def, ratio)}");
        return mean;
    }

    private static void SpilloverOf(MonthFacts facts, List<(string Iso3, SortedList<DateOnly, MonthFigures> Figures)> near)
    {
        List<(string Iso3, int Deaths)>? parts = null;
        var known = false;
        var total = 0;
        foreach (var (n, theirs) in near)
        {
            if (!theirs.TryGetValue(facts.Month, out var f)) continue;
            known = true;
            var deaths = f.Organized ?? f.StateBased;
            if (deaths <= 0) continue;
            (parts ??= []).Add((n, deaths));
            total += deaths;
        }
        if (!known) return;
        var def = IndicatorCatalog.Get(Spillover);
        facts.Values[Spillover] = new DerivedValue(Spillover, total, def.LevelOf(total), () =>
        {
            if (parts is null) return def.Explain(total);
            var listed = parts.OrderByDescending(p => p.Deaths).ThenBy(p => p.Iso3, StringComparer.Ordinal).Take(6)
                .Select(p => $"{p.Iso3} {Number(p.Deaths)}");
            return $"{def.Explain(total)} ({string.Join(", ", listed)}{(parts.Count > 6 ? ", ..." : "")})";
        });
    }

    /// <summary>"at or above the Alert threshold of 250", or "below the Watch threshold of 10".</summary>
    public static string Placement(IndicatorDefinition def, double value)
    {
        var level = def.LevelOf(value);
        var higher = def.Direction == IndicatorDirection.HigherIsWorse;
        if (level == RiskLevel.Low)
            return (def.Watch ?? def.Warning ?? def.Alert) is { } t ? $"{(higher ? "below" : "above")} the Watch threshold of {Number(t)}" : "";
        return $"{(higher ? "at or above" : "at or below")} the {level} threshold of {Number(def.ThresholdOf(level)!.Value)}";
    }

    public static string Number(double value) => IndicatorDefinition.Format(value);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
