using Interlock.Data;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// The derived indicator values, computed when they are read instead of stored. They are a pure function of the
/// country-month series (public) and of the rules, so storing them would only keep a copy that every import must
/// rewrite: about a million rows for a million events, which made the full recompute take ten times longer than the
/// computation itself. A country page reads one country and its neighbours (a few hundred rows); an export of every
/// country computes them all in a second or two. Reported values (observations) are stored; see <see cref="IndicatorValue"/>.
/// </summary>
public static class DerivedIndicatorValues
{
    /// <summary>
    /// The derived values of one country (or of every country when <paramref name="iso3"/> is null) between two months,
    /// as public rows of the secretariat, in the same shape as stored reported values. Ordered by country, month and code.
    /// </summary>
    public static async Task<List<IndicatorValue>> ReadAsync(InterlockDbContext db, string? iso3, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        var inputs = await RiskInputs.LoadAsync(db, ct);
        await inputs.ReadFiguresAsync(db, iso3 is null ? null : inputs.WithNeighbours([iso3]), ct, from);
        var owner = await RiskInputs.SecretariatAsync(db, ct);
        var now = db.Time.GetUtcNow();
        var settings = RiskSettings.Current;
        var values = new List<IndicatorValue>();
        foreach (var country in iso3 is null ? inputs.Chosen.Keys.Order(StringComparer.Ordinal) : new[] { iso3 }.AsEnumerable())
            foreach (var facts in inputs.FactsOf(country, settings))
            {
                if (facts.Month < from || facts.Month > to) continue;
                foreach (var v in facts.Values.Values.OrderBy(v => v.Code, StringComparer.Ordinal))
                    values.Add(new IndicatorValue
                    {
                        IndicatorCode = v.Code, CountryIso3 = country, Month = facts.Month, Value = v.Value, Level = v.Level, Reason = v.Reason,
                        OwnerOrganizationId = owner, Classification = Classification.Public, ComputedAt = now,
                    });
            }
        return values;
    }
}
