using Interlock.EarlyWarning.Indicators;
using static Interlock.EarlyWarning.Risk.DerivedIndicators;

namespace Interlock.EarlyWarning.Risk;

/// <summary>A public reported indicator value (an organization's observation) that the rules take into account.</summary>
public sealed record ReportedValue(string Code, double Value, RiskLevel Level);

/// <summary>A country-month's level and the sentences of the rules that fired, most severe first.</summary>
public sealed record RiskAssessmentResult(RiskLevel Level, List<string> Reasons);

/// <summary>
/// The transparent risk model (docs/early-warning.md, "The risk model"). Deterministic: the same indicator values give
/// the same level and the same sentences. Each rule that fires adds one sentence with its figures.
/// <list type="number">
/// <item>Fatalities: the level is at least the highest level of the four fatality indicators.</item>
/// <item>Activity: events and spread count too, up to <see cref="RiskSettings.ActivityCap"/>.</item>
/// <item>Spillover: neighbours' deaths at <see cref="RiskSettings.SpilloverAt"/> make it at least <see cref="RiskSettings.SpilloverFloor"/>.</item>
/// <item>Reported: a public reported indicator at Alert (Warning) makes it at least <see cref="RiskSettings.ReportedAlertFloor"/>
/// (<see cref="RiskSettings.ReportedWarningFloor"/>).</item>
/// <item>Escalation: change-3m or change-12m at <see cref="RiskSettings.EscalationAt"/> while fatalities are at least at
/// <see cref="RiskSettings.EscalationNeedsFatalitiesAt"/> raises the result of rules 1–4 one step, up to Alert.</item>
/// </list>
/// Nothing firing means Low, said in one sentence.
/// </summary>
public static class RiskRules
{
    private static readonly string[] Activity = [Events, Spread];

    /// <summary>The level and the sentences of the rules that fired.</summary>
    public static RiskAssessmentResult Assess(MonthFacts facts, IReadOnlyCollection<ReportedValue> reported, RiskSettings settings)
    {
        var reasons = new List<string>();
        var level = Evaluate(facts, reported, settings, reasons);
        return new RiskAssessmentResult(level, reasons);
    }

    /// <summary>
    /// The level alone, by the same evaluation as <see cref="Assess"/> without writing its sentences: a full recompute
    /// assesses every country-month, and the words are written when a month is read (<see cref="RiskExplanations"/>).
    /// </summary>
    public static RiskLevel LevelOf(MonthFacts facts, IReadOnlyCollection<ReportedValue> reported, RiskSettings settings) =>
        Evaluate(facts, reported, settings, null);

    /// <summary>The rules in order; each one that fires raises the level and, when <paramref name="reasons"/> is given, says why.</summary>
    private static RiskLevel Evaluate(MonthFacts facts, IReadOnlyCollection<ReportedValue> reported, RiskSettings settings, List<string>? reasons)
    {
        var fired = reasons is null ? null : new List<(RiskLevel Level, string Sentence)>();
        var month = reasons is null ? "" : Month(facts.Month);
        var level = RiskLevel.Low;
        var any = false;

        // 1. Fatalities.
        var fatalityLevel = RiskLevel.Low;
        foreach (var code in Fatalities)
            if (facts.Values.TryGetValue(code, out var v) && v.Level > fatalityLevel) fatalityLevel = v.Level;
        if (fatalityLevel > RiskLevel.Low)
        {
            (level, any) = (Max(level, fatalityLevel), true);
            if (fired is not null)
            {
                var top = Fatalities.Select(c => facts.Values.GetValueOrDefault(c)).Where(v => v?.Level == fatalityLevel).Select(v => Sentence(v!, month));
                var sentence = string.Join("; ", top);
                if (facts.Mean12 is { } mean && facts.Values.TryGetValue(Change12, out var c12))
                    sentence += $"; {Number(c12.Value)} times the 12-month mean ({Number(Math.Round(mean, 1))})";
                fired.Add((fatalityLevel, sentence + "."));
            }
        }

        // 2. Activity, capped.
        foreach (var code in Activity)
        {
            if (!facts.Values.TryGetValue(code, out var v) || v.Level == RiskLevel.Low) continue;
            var capped = Min(v.Level, settings.ActivityCap);
            (level, any) = (Max(level, capped), true);
            fired?.Add((capped, $"{Sentence(v, month)}" + (capped < v.Level ? $"; activity counts up to {settings.ActivityCap}." : ".")));
        }

        // 3. Spillover.
        if (facts.Values.TryGetValue(Spillover, out var spill) && spill.Level >= settings.SpilloverAt)
        {
            (level, any) = (Max(level, settings.SpilloverFloor), true);
            fired?.Add((settings.SpilloverFloor, $"{Sentence(spill, month)}: at least {settings.SpilloverFloor}."));
        }

        // 4. Public reported indicators.
        if (reported.Count > 0)
            foreach (var r in reported.OrderByDescending(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal))
            {
                var floor = r.Level switch
                {
                    RiskLevel.Alert => settings.ReportedAlertFloor,
                    RiskLevel.Warning => settings.ReportedWarningFloor,
                    _ => RiskLevel.Low,
                };
                if (floor == RiskLevel.Low) continue;
                (level, any) = (Max(level, floor), true);
                if (fired is null) continue;
                var def = IndicatorCatalog.Get(r.Code);
                fired.Add((floor, $"{def.NameEn} (reported) {Number(r.Value)} in {month}, {Placement(def, r.Value)}: at least {floor}."));
            }

        if (fired is not null) reasons!.AddRange(fired.OrderByDescending(x => x.Level).Select(x => x.Sentence));

        // 5. Escalation raises the result one step. The more severe change counts; change-3m when both are equal.
        var change = facts.Values.GetValueOrDefault(Change3);
        if (facts.Values.TryGetValue(Change12, out var c12m) && (change is null || c12m.Level > change.Level)) change = c12m;
        if (change is not null && change.Level >= settings.EscalationAt && fatalityLevel >= settings.EscalationNeedsFatalitiesAt)
        {
            var raised = level == RiskLevel.Alert ? RiskLevel.Alert : level + 1;
            if (reasons is not null)
            {
                var name = IndicatorCatalog.Get(change.Code).NameEn.ToLowerInvariant();
                reasons.Insert(0, $"Escalation ({name}): {change.Reason}; with fatalities at {fatalityLevel}, " +
                                  (raised > level ? $"the level is raised one step from {level} to {raised}." : "the level stays at Alert, the highest."));
            }
            (level, any) = (raised, true);
        }

        if (!any) reasons?.Add($"No indicator reaches the threshold its rule needs in {Month(facts.Month)}: Low.");
        return level;
    }

    private static string Sentence(DerivedValue v, string month)
    {
        var def = IndicatorCatalog.Get(v.Code);
        return $"{def.NameEn} {Number(v.Value)} in {month}, {Placement(def, v.Value)}";
    }

    private static RiskLevel Min(RiskLevel a, RiskLevel b) => a < b ? a : b;

    private static RiskLevel Max(RiskLevel a, RiskLevel b) => a > b ? a : b;
}
