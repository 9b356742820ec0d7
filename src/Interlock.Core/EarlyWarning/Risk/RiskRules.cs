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

    public static RiskAssessmentResult Assess(MonthFacts facts, IReadOnlyCollection<ReportedValue> reported, RiskSettings settings)
    {
        var fired = new List<(RiskLevel Level, string Sentence)>();
        var month = Month(facts.Month);

        // 1. Fatalities.
        var fatalities = new List<DerivedValue>(Fatalities.Length);
        foreach (var code in Fatalities)
            if (facts.Values.TryGetValue(code, out var v)) fatalities.Add(v);
        var fatalityLevel = fatalities.Count == 0 ? RiskLevel.Low : fatalities.Max(v => v.Level);
        if (fatalityLevel > RiskLevel.Low)
        {
            var top = fatalities.Where(v => v.Level == fatalityLevel).Select(v => Sentence(v, month));
            var sentence = string.Join("; ", top);
            if (facts.Mean12 is { } mean && facts.Values.TryGetValue(Change12, out var c12))
                sentence += $"; {Number(c12.Value)} times the 12-month mean ({Number(Math.Round(mean, 1))})";
            fired.Add((fatalityLevel, sentence + "."));
        }

        // 2. Activity, capped.
        foreach (var code in Activity)
        {
            if (!facts.Values.TryGetValue(code, out var v) || v.Level == RiskLevel.Low) continue;
            var level = Min(v.Level, settings.ActivityCap);
            fired.Add((level, $"{Sentence(v, month)}" + (level < v.Level ? $"; activity counts up to {settings.ActivityCap}." : ".")));
        }

        // 3. Spillover.
        if (facts.Values.TryGetValue(Spillover, out var spill) && spill.Level >= settings.SpilloverAt)
            fired.Add((settings.SpilloverFloor, $"{Sentence(spill, month)}: at least {settings.SpilloverFloor}."));

        // 4. Public reported indicators.
        foreach (var r in reported.Count == 0 ? Enumerable.Empty<ReportedValue>() : reported.OrderByDescending(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal))
        {
            var floor = r.Level switch
            {
                RiskLevel.Alert => settings.ReportedAlertFloor,
                RiskLevel.Warning => settings.ReportedWarningFloor,
                _ => RiskLevel.Low,
            };
            if (floor == RiskLevel.Low) continue;
            var def = IndicatorCatalog.Get(r.Code);
            fired.Add((floor, $"{def.NameEn} (reported) {Number(r.Value)} in {month}, {Placement(def, r.Value)}: at least {floor}."));
        }

        var level0 = fired.Count == 0 ? RiskLevel.Low : fired.Max(x => x.Level);
        var reasons = fired.OrderByDescending(x => x.Level).Select(x => x.Sentence).ToList();

        // 5. Escalation raises the result one step.
        var change = new[] { Change3, Change12 }.Select(c => facts.Values.GetValueOrDefault(c)).Where(v => v is not null)
            .OrderByDescending(v => v!.Level).FirstOrDefault();
        if (change is not null && change.Level >= settings.EscalationAt && fatalityLevel >= settings.EscalationNeedsFatalitiesAt)
        {
            var raised = level0 == RiskLevel.Alert ? RiskLevel.Alert : level0 + 1;
            var name = IndicatorCatalog.Get(change.Code).NameEn.ToLowerInvariant();
            reasons.Insert(0, $"Escalation ({name}): {change.Reason}; with fatalities at {fatalityLevel}, " +
                              (raised > level0 ? $"the level is raised one step from {level0} to {raised}." : "the level stays at Alert, the highest."));
            level0 = raised;
        }

        if (reasons.Count == 0) reasons.Add($"No indicator reaches the threshold its rule needs in {month}: Low.");
        return new RiskAssessmentResult(level0, reasons);
    }

    private static string Sentence(DerivedValue v, string month)
    {
        var def = IndicatorCatalog.Get(v.Code);
        return $"{def.NameEn} {Number(v.Value)} in {month}, {Placement(def, v.Value)}";
    }

    private static RiskLevel Min(RiskLevel a, RiskLevel b) => a < b ? a : b;
}
