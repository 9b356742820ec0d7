using Interlock.Capabilities;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (b) Capacity behind the organization's capabilities that serve the need (on its branch, covering the country): half
/// personnel, half budget band, each the largest any of those capabilities records. Personnel counts on a log scale
/// (30 people give about 0.5; <see cref="RankingOptions.PersonnelForFullCapacity"/>, default 1,000, gives 1). What is not
/// recorded counts 0: the ranking rewards what partners have documented.
/// </summary>
public static class CapacityPart
{
    public static double PersonnelValue(int? personnel, int forFull) =>
        personnel is not > 0 ? 0 : Math.Min(1.0, Math.Log10(1.0 + personnel.Value) / Math.Log10(1.0 + forFull));

    public static double BudgetValue(BudgetBand band) => band switch
    {
        BudgetBand.Under1M => 0.25,
        BudgetBand.From1MTo10M => 0.5,
        BudgetBand.From10MTo100M => 0.75,
        BudgetBand.Over100M => 1.0,
        _ => 0,
    };

    public static string BudgetWords(BudgetBand band) => band switch
    {
        BudgetBand.Under1M => "under 1 M USD a year",
        BudgetBand.From1MTo10M => "1–10 M USD a year",
        BudgetBand.From10MTo100M => "10–100 M USD a year",
        BudgetBand.Over100M => "over 100 M USD a year",
        _ => "not recorded",
    };

    public static PartValue Evaluate(NeedContext n, CandidateFacts f, RankingOptions o)
    {
        if (f.Capabilities.Count == 0) return new(0, $"No capability on the branch of {n.Area} covering {n.CountryName}, so no capacity counted: 0.00");
        var personnel = f.Capabilities.Max(c => c.Personnel);
        var band = f.Capabilities.Max(c => c.Budget);
        var pv = PersonnelValue(personnel, o.PersonnelForFullCapacity);
        var bv = BudgetValue(band);
        var v = (pv + bv) / 2;
        var people = personnel is > 0 ? $"{personnel} personnel" : "personnel not recorded";
        return new(v, $"Capacity for {n.Area}: {people} ({Format.Value(pv)}), budget {BudgetWords(band)} ({Format.Value(bv)}): {Format.Value(v)}");
    }
}
