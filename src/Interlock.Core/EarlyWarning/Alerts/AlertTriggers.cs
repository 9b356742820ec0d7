using System.Globalization;
using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// The two rules that raise an alert, as plain functions of the stored rows: a country's risk rising to Warning or
/// Alert against the previous month, and a reported indicator value at its Alert level. They return new, unsaved
/// alerts; the evaluator drops the ones whose natural key already exists.
/// </summary>
public static class AlertTriggers
{
    /// <summary>
    /// The risk rises among <paramref name="risks"/> for months from <paramref name="fromMonth"/> on: the level is
    /// Warning or Alert and higher than the previous month's (Low when none was computed). A rise counts as new when
    /// either month's row was computed after <paramref name="since"/>. The alerts' reasons are left to the caller:
    /// they are written when read (<see cref="RiskExplanations"/>), for the few alerts that are new.
    /// </summary>
    public static List<Alert> RiskRises(IReadOnlyCollection<CountryRisk> risks, DateOnly fromMonth, DateTimeOffset? since,
        Guid publisherOrganizationId, Func<string, string> countryName, DateTimeOffset now)
    {
        var byKey = risks.ToDictionary(r => (r.CountryIso3, r.Month));
        var result = new List<Alert>();
        foreach (var current in risks.Where(r => r.Month >= fromMonth && r.Level >= RiskLevel.Warning).OrderBy(r => r.Month).ThenBy(r => r.CountryIso3))
        {
            var previousMonth = current.Month.AddMonths(-1);
            byKey.TryGetValue((current.CountryIso3, previousMonth), out var previous);
            var before = previous?.Level ?? RiskLevel.Low;
            if (current.Level <= before) continue;
            var isNew = since is null || current.ComputedAt > since || previous?.ComputedAt > since;
            if (!isNew) continue;

            var name = countryName(current.CountryIso3);
            result.Add(new Alert
            {
                CountryIso3 = current.CountryIso3,
                Month = current.Month,
                Trigger = AlertTrigger.RiskRise,
                TriggerKey = Alert.RiskKey(current.Level),
                Level = current.Level,
                PreviousLevel = before,
                Title = $"{name}: risk rose to {current.Level} in {MonthText(current.Month)}",
                Summary = $"The risk level of {name} rose from {before} in {MonthText(previousMonth)} to {current.Level} in {MonthText(current.Month)}.",
                // Computed from public data, published by the secretariat for everyone.
                OwnerOrganizationId = publisherOrganizationId,
                Classification = Classification.Public,
                CreatedAt = now,
            });
        }
        return result;
    }

    /// <summary>
    /// Reported indicator values (those that carry an observation) at the Alert level, for months from
    /// <paramref name="fromMonth"/> on, computed after <paramref name="since"/>. Each alert takes the observation's label.
    /// </summary>
    public static List<Alert> ReportedAtAlert(IReadOnlyCollection<IndicatorValue> values, DateOnly fromMonth, DateTimeOffset? since,
        Func<string, string> countryName, Func<Guid, string> organizationCode, DateTimeOffset now)
    {
        var result = new List<Alert>();
        foreach (var v in values.Where(v => v.ObservationId is not null && v.Level == RiskLevel.Alert && v.Month >= fromMonth
                                            && (since is null || v.ComputedAt > since))
                     .OrderBy(v => v.Month).ThenBy(v => v.CountryIso3).ThenBy(v => v.IndicatorCode))
        {
            var indicator = IndicatorCatalog.Find(v.IndicatorCode);
            var indicatorName = indicator?.NameEn ?? v.IndicatorCode;
            var unit = indicator?.Unit is { Length: > 0 } u ? " " + u : "";
            var name = countryName(v.CountryIso3);
            var value = IndicatorDefinition.Format(v.Value);
            result.Add(new Alert
            {
                CountryIso3 = v.CountryIso3,
                Month = v.Month,
                Trigger = AlertTrigger.ReportedIndicator,
                TriggerKey = Alert.ObservationKey(v.IndicatorCode, v.ObservationId!.Value),
                Level = v.Level,
                IndicatorCode = v.IndicatorCode,
                Value = v.Value,
                ObservationId = v.ObservationId,
                Title = $"{name}: {indicatorName} at Alert level in {MonthText(v.Month)}",
                Summary = $"{organizationCode(v.OwnerOrganizationId)} reported {indicatorName} of {value}{unit} for {name} in {MonthText(v.Month)}.",
                Reasons = [v.Reason ?? indicator?.Explain(v.Value) ?? $"{value}, at the Alert level"],
                OwnerOrganizationId = v.OwnerOrganizationId,
                Classification = v.Classification,
                CreatedAt = now,
            });
        }
        return result;
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
