using System.Globalization;
using Interlock.Registry;

namespace Interlock.EarlyWarning.Indicators;

/// <summary>The common indicator framework, read once from the shipped data file (data/reference/indicators.csv).</summary>
public static class IndicatorCatalog
{
    public const string File = "indicators.csv";

    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Loaded = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, IndicatorDefinition>> ByCode =
        new(() => Loaded.Value.ToDictionary(i => i.Code, StringComparer.Ordinal));

    public static IReadOnlyList<IndicatorDefinition> All => Loaded.Value;

    public static IndicatorDefinition? Find(string? code) => code is not null && ByCode.Value.TryGetValue(code, out var d) ? d : null;

    public static IndicatorDefinition Get(string code) =>
        Find(code) ?? throw new ArgumentException($"Unknown indicator '{code}'.", nameof(code));

    private static IReadOnlyList<IndicatorDefinition> Load()
    {
        var rows = ReferenceData.Read(File, (r, line) =>
        {
            var def = new IndicatorDefinition(
                ReferenceData.Req(r, "code", line),
                Enum.Parse<IndicatorDimension>(ReferenceData.Req(r, "dimension", line)),
                Enum.Parse<IndicatorSource>(ReferenceData.Req(r, "source", line)),
                ReferenceData.Req(r, "name_en", line), ReferenceData.Req(r, "name_fr", line),
                ReferenceData.Req(r, "definition_en", line), ReferenceData.Req(r, "unit", line),
                Enum.Parse<IndicatorDirection>(ReferenceData.Req(r, "direction", line)),
                Number(ReferenceData.Opt(r, "watch")), Number(ReferenceData.Opt(r, "warning")), Number(ReferenceData.Opt(r, "alert")),
                ReferenceData.Req(r, "hxl", line), ReferenceData.Req(r, "basis", line));
            if (ReferenceData.Req(r, "period", line) != "Month")
                throw new FormatException($"line {line}, column period: only monthly indicators are supported.");
            CheckOrdered(def, line);
            return def;
        });
        var duplicate = rows.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"{File}: indicator code '{duplicate.Key}' appears twice.");
        return rows;
    }

    private static double? Number(string? s) => s is null ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void CheckOrdered(IndicatorDefinition d, int line)
    {
        var set = new[] { d.Watch, d.Warning, d.Alert }.Where(t => t is not null).Select(t => t!.Value).ToList();
        if (set.Count == 0) throw new FormatException($"line {line}: indicator '{d.Code}' has no threshold.");
        var ordered = d.Direction == IndicatorDirection.HigherIsWorse ? set.Order() : set.OrderDescending();
        if (!ordered.SequenceEqual(set))
            throw new FormatException($"line {line}: the thresholds of '{d.Code}' must run from Watch to Alert in its direction.");
    }
}
