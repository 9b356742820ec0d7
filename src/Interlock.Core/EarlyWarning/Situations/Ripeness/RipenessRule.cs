using Interlock.EarlyWarning.Risk;

namespace Interlock.EarlyWarning.Situations.Ripeness;

public enum ConditionState { Met, NotMet, NotEvaluated }

/// <summary>One condition of the rule, whether it holds, and the facts that show it.</summary>
public sealed record RipenessCondition(string Code, string Title, ConditionState State, IReadOnlyList<string> Facts, bool Required);

public sealed record RipenessAssessment(bool Ripe, IReadOnlyList<RipenessCondition> Conditions);

/// <summary>An organization's capability that fits the stage, and whether and how it covers the country.</summary>
public sealed record CapabilityFact(string OrganizationCode, string AreaCode, string? Coverage);

/// <summary>Everything the rule looks at, loaded beforehand, so the rule itself is plain and testable.</summary>
public sealed record RipenessFacts(
    string CountryName,
    string StageArea,
    /// <summary>The country's latest computed risk levels, newest first.</summary>
    IReadOnlyList<(DateOnly Month, RiskLevel Level)> Risk,
    IReadOnlyList<CapabilityFact> Capabilities,
    /// <summary>Codes of the organizations the country is a member of today.</summary>
    IReadOnlySet<string> MemberOf,
    /// <summary>The situation's needs the reader may see, with their cover today; null when not loaded.</summary>
    NeedsFacts? Needs = null);

/// <summary>
/// "At which point a particular situation is ripe for mutually supportive action" (2001, II.B) as a rule: the risk
/// condition, an organization able to act at this stage, a mandate to act in the country, and a need that nobody covers
/// yet. Each condition is reported met or not with its facts.
/// </summary>
public static class RipenessRule
{
    public static RipenessAssessment Evaluate(RipenessFacts f, RipenessOptions o)
    {
        var risk = RiskCondition(f, o);
        var capability = CapabilityCondition(f, o);
        var mandate = MandateCondition(f, o);
        var needs = NeedsCondition(f, o);
        var conditions = new[] { risk, capability, mandate, needs };
        var ripe = conditions.Where(c => c.Required).All(c => c.State == ConditionState.Met);
        return new RipenessAssessment(ripe, conditions);
    }

    public static RipenessCondition RiskCondition(RipenessFacts f, RipenessOptions o)
    {
        var title = $"Risk at {o.MinimumLevel} or above for {o.ConsecutiveMonths} consecutive month{(o.ConsecutiveMonths == 1 ? "" : "s")}" +
                    (o.RisingCounts ? $", or rising to {o.RisingMinimumLevel} or above" : "");
        if (f.Risk.Count == 0)
            return new("risk", title, ConditionState.NotMet, [$"No risk level has been computed for {f.CountryName} yet."], true);

        var facts = f.Risk.Take(o.ConsecutiveMonths + 1).Select(r => $"{r.Month:yyyy-MM}: {r.Level}").ToList();
        var latest = f.Risk[0];
        var run = 0;
        for (var i = 0; i < f.Risk.Count && run < o.ConsecutiveMonths; i++)
        {
            // Consecutive calendar months: a month without a computed level breaks the run.
            if (f.Risk[i].Month != latest.Month.AddMonths(-i) || f.Risk[i].Level < o.MinimumLevel) break;
            run++;
        }
        var sustained = run >= o.ConsecutiveMonths;
        facts.Add(sustained
            ? $"{o.MinimumLevel} or above in each of the {o.ConsecutiveMonths} months to {latest.Month:yyyy-MM}."
            : $"{o.MinimumLevel} or above in {run} consecutive month{(run == 1 ? "" : "s")} to {latest.Month:yyyy-MM}, {o.ConsecutiveMonths} needed.");

        var previous = f.Risk.Count > 1 && f.Risk[1].Month == latest.Month.AddMonths(-1) ? f.Risk[1] : ((DateOnly, RiskLevel)?)null;
        var rising = o.RisingCounts && previous is { } p && latest.Level > p.Item2 && latest.Level >= o.RisingMinimumLevel;
        if (o.RisingCounts)
            facts.Add(previous is { } q
                ? rising ? $"Rising: {q.Item2} in {q.Item1:yyyy-MM}, {latest.Level} in {latest.Month:yyyy-MM}."
                         : $"Not rising to {o.RisingMinimumLevel} or above: {q.Item2} in {q.Item1:yyyy-MM}, {latest.Level} in {latest.Month:yyyy-MM}."
                : $"Not rising: no level computed for the month before {latest.Month:yyyy-MM}.");
        return new("risk", title, sustained || rising ? ConditionState.Met : ConditionState.NotMet, facts, true);
    }

    public static RipenessCondition CapabilityCondition(RipenessFacts f, RipenessOptions o)
    {
        var title = $"At least one organization with a capability in {f.StageArea}";
        var orgs = f.Capabilities.GroupBy(c => c.OrganizationCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (orgs.Count == 0)
            return new("capability", title, ConditionState.NotMet, [$"No organization records a capability in {f.StageArea} or its sub-areas."], o.RequireCapability);
        var facts = orgs.Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.AreaCode).Distinct().Order(StringComparer.Ordinal))}").ToList();
        return new("capability", title, ConditionState.Met, facts, o.RequireCapability);
    }

    /// <summary>A mandate in the country: the country is a member of the organization, or the organization's fitting capability covers it.</summary>
    public static RipenessCondition MandateCondition(RipenessFacts f, RipenessOptions o)
    {
        var title = $"One of them with a mandate in {f.CountryName}";
        var facts = new List<string>();
        foreach (var g in f.Capabilities.GroupBy(c => c.OrganizationCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (f.MemberOf.Contains(g.Key)) facts.Add($"{g.Key}: {f.CountryName} is a member.");
            else if (g.FirstOrDefault(c => c.Coverage is not null) is { } covering) facts.Add($"{g.Key}: {covering.Coverage}.");
        }
        if (facts.Count > 0) return new("mandate", title, ConditionState.Met, facts, o.RequireMandate);
        var why = f.Capabilities.Count == 0
            ? "No organization with a fitting capability, so none with a mandate."
            : $"None of {string.Join(", ", f.Capabilities.Select(c => c.OrganizationCode).Distinct().Order(StringComparer.Ordinal))} counts {f.CountryName} as a member or covers it.";
        return new("mandate", title, ConditionState.NotMet, [why], o.RequireMandate);
    }

    /// <summary>
    /// Met when at least one open need of the situation is not covered today by a planned or active engagement: there is
    /// something left for a partner to take on. Not met when every open need is covered; not evaluated without open needs.
    /// </summary>
    public static RipenessCondition NeedsCondition(RipenessFacts f, RipenessOptions o)
    {
        const string title = "At least one need not yet covered";
        var required = o.RequireUncoveredNeed;
        if (f.Needs is not { } needs)
            return new("needs", title, ConditionState.NotEvaluated, ["The needs of the situation were not loaded."], required);
        if (needs.Open.Count == 0)
            return new("needs", title, ConditionState.NotEvaluated, [needs.Ended == 0
                ? "No needs are recorded for this situation (or none you may read): record them to evaluate this condition."
                : $"All {needs.Ended} recorded need{(needs.Ended == 1 ? " has" : "s have")} ended: no open need to cover."], required);

        var uncovered = needs.Open.Where(n => n.CoveredBy.Count == 0).ToList();
        var facts = uncovered.Select(n => $"Not covered: {n.Need}.")
            .Concat(needs.Open.Where(n => n.CoveredBy.Count > 0).Select(n => $"Covered: {n.Need}, by {string.Join(", ", n.CoveredBy)}."))
            .ToList();
        if (needs.Ended > 0) facts.Add($"{needs.Ended} need{(needs.Ended == 1 ? "" : "s")} that ended before today not counted.");
        return new("needs", title, uncovered.Count > 0 ? ConditionState.Met : ConditionState.NotMet, facts, required);
    }
}
