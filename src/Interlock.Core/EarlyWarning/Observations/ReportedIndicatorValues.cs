using Interlock.Data;
using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// Keeps one <see cref="IndicatorValue"/> per reported indicator, country, month and organization: the value of that
/// organization's observation submitted or revised last, with its level, its reason in words and its label (so the
/// access policy hides a confidential value exactly as it hides the observation).
/// </summary>
public static class ReportedIndicatorValues
{
    public static async Task UpsertAsync(InterlockDbContext db, IEnumerable<Observation> changed, CancellationToken ct)
    {
        // Within one batch the last change of a key wins, as it would had they been submitted one by one.
        var latest = changed.GroupBy(o => (o.IndicatorCode, o.CountryIso3, o.Month, o.OwnerOrganizationId)).Select(g => g.Last());
        var now = db.Time.GetUtcNow();
        foreach (var o in latest)
        {
            var definition = IndicatorCatalog.Get(o.IndicatorCode);
            var row = db.IndicatorValues.Local.FirstOrDefault(v => Same(v, o))
                      ?? await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorCode == o.IndicatorCode && v.CountryIso3 == o.CountryIso3 &&
                          v.Month == o.Month && v.OwnerOrganizationId == o.OwnerOrganizationId && v.ObservationId != null, ct);
            if (row is null)
            {
                row = new IndicatorValue { IndicatorCode = o.IndicatorCode, CountryIso3 = o.CountryIso3, Month = o.Month, OwnerOrganizationId = o.OwnerOrganizationId };
                db.IndicatorValues.Add(row);
            }
            row.Value = o.Value;
            row.Level = definition.LevelOf(o.Value);
            row.Reason = Reason(definition, o);
            row.ObservationId = o.Id;
            row.Classification = o.Classification;
            row.ComputedAt = now;
        }
    }

    private static bool Same(IndicatorValue v, Observation o) => v.ObservationId is not null && v.IndicatorCode == o.IndicatorCode &&
        v.CountryIso3 == o.CountryIso3 && v.Month == o.Month && v.OwnerOrganizationId == o.OwnerOrganizationId;

    /// <summary>The threshold explanation, naming the area when the observation is of one area only.</summary>
    public static string Reason(IndicatorDefinition d, Observation o)
    {
        var text = d.Explain(o.Value);
        var place = o.Admin1 is { } a ? $" in {a}" : "";
        return $"{d.NameEn}{place} {o.Month:yyyy-MM}: {text} (reported, {SourceGrades.Short(o.SourceReliability, o.InformationCredibility)})";
    }
}
