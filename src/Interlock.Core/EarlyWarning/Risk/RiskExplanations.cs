using Interlock.Data;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The reasons for computed risk levels, written when they are read instead of stored. A level is a pure function of
/// the public country-month series, the public reported values and the rules; the recompute stores the level of every
/// country-month (the map, the alerts and the timelines need them) but no longer its sentences, which were most of its
/// time and of what it wrote. A page or an alert reads the reasons of a few months: those countries, their land
/// neighbours (spillover) and the twelve months before (the changes) are read and assessed again by the same rules.
/// </summary>
public static class RiskExplanations
{
    /// <summary>The level and reasons of each wanted country-month that the rules assess (months without figures are left out).</summary>
    public static async Task<Dictionary<(string Iso3, DateOnly Month), RiskAssessmentResult>> ReadAsync(InterlockDbContext db,
        IEnumerable<(string Iso3, DateOnly Month)> wanted, CancellationToken ct)
    {
        var set = wanted.ToHashSet();
        var result = new Dictionary<(string, DateOnly), RiskAssessmentResult>();
        if (set.Count == 0) return result;
        var countries = set.Select(w => w.Iso3).ToHashSet(StringComparer.Ordinal);
        var from = set.Min(w => w.Month);
        var settings = RiskSettings.Current;
        var inputs = await RiskInputs.LoadAsync(db, ct);
        await inputs.ReadFiguresAsync(db, inputs.WithNeighbours(countries), ct, from);
        var reported = await PublicReportedValues.ReadAsync(db, countries, from, ct);
        foreach (var iso3 in countries)
            foreach (var (facts, values) in CountryAssessments.Of(iso3, inputs, reported, settings))
                if (set.Contains((iso3, facts.Month)))
                    result[(iso3, facts.Month)] = RiskRules.Assess(facts, values, settings);
        return result;
    }

    /// <summary>The level and reasons of one country's months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<Dictionary<(string Iso3, DateOnly Month), RiskAssessmentResult>> ReadAsync(InterlockDbContext db, string iso3,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = new List<(string, DateOnly)>();
        for (var m = CountryMonth.MonthOf(from); m <= to; m = m.AddMonths(1)) months.Add((iso3, m));
        return ReadAsync(db, months, ct);
    }

    /// <summary>
    /// The reasons to show beside a stored level. When the figures now give another level (the store has not been
    /// recomputed since they changed), the reasons say so rather than explain a level they do not give.
    /// </summary>
    public static List<string> ReasonsFor(string iso3, DateOnly month, RiskLevel stored,
        IReadOnlyDictionary<(string Iso3, DateOnly Month), RiskAssessmentResult> assessed)
    {
        if (!assessed.TryGetValue((iso3, month), out var now))
            return [$"The figures for {DerivedIndicators.Month(month)} that gave {stored} are no longer there; the level will be recomputed."];
        if (now.Level != stored)
            return [$"The stored level {stored} was computed from earlier figures, which now give {now.Level}; it will be recomputed.", .. now.Reasons];
        return now.Reasons;
    }

    public static List<string> ReasonsFor(CountryRisk stored, IReadOnlyDictionary<(string Iso3, DateOnly Month), RiskAssessmentResult> assessed) =>
        ReasonsFor(stored.CountryIso3, stored.Month, stored.Level, assessed);
}
