using System.Globalization;
using Interlock.Capabilities;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (a) Capability in the need's area and its readiness against the need's urgency. A capability in the area or a
/// sub-area counts fully; one in a broader area on the same branch (preventive diplomacy for a mediation need) counts
/// half, since it may not include the specific skill. Readiness is 1 when the capability deploys within the days
/// needed, else (needed + 1) / (ready + 1): the +1 keeps "needed at once" (0 days) ordering a 3-day capability above a
/// 30-day one, and keeps any capability above none. Only capabilities whose scope covers the country count (see
/// <see cref="CandidateFacts.Capabilities"/>).
/// </summary>
public static class CapabilityPart
{
    public const double BroaderAreaFactor = 0.5;

    public static double Readiness(int daysNeeded, int readinessDays) =>
        readinessDays <= daysNeeded ? 1.0 : (daysNeeded + 1.0) / (readinessDays + 1.0);

    public static double AreaMatch(NeedContext n, Capability c) => n.Coverage.IsSameOrBelow(c.AreaCode, n.Area) ? 1.0 : BroaderAreaFactor;

    /// <summary>Why nothing counts: no capability on the branch at all, or none whose scope covers the country.</summary>
    public static string NoneSentence(NeedContext n, CandidateFacts f) => f.OutOfScope.Count == 0
        ? $"No capability in {n.Area} or on its branch of the taxonomy: 0.00"
        : $"Capability in {string.Join(", ", f.OutOfScope.Select(c => c.AreaCode).Distinct().Order(StringComparer.Ordinal))}, but its scope does not cover {n.CountryName}: 0.00";

    public static PartValue Evaluate(NeedContext n, CandidateFacts f)
    {
        var best = f.Capabilities
            .Select(c => (Cap: c, Match: AreaMatch(n, c), Ready: Readiness(n.DaysNeeded, c.ReadinessDays)))
            .OrderByDescending(x => x.Match * x.Ready).ThenBy(x => x.Cap.ReadinessDays)
            .ThenBy(x => x.Cap.AreaCode, StringComparer.Ordinal).ThenBy(x => x.Cap.Id)
            .FirstOrDefault();
        if (best.Cap is null) return new(0, NoneSentence(n, f));

        var v = best.Match * best.Ready;
        var area = best.Match < 1 ? $"{best.Cap.AreaCode}, broader than {n.Area} (counts half)" : best.Cap.AreaCode;
        var ready = best.Cap.ReadinessDays <= n.DaysNeeded
            ? $"ready in {Format.Days(best.Cap.ReadinessDays)}, within the {n.DaysNeeded} needed"
            : $"ready in {Format.Days(best.Cap.ReadinessDays)} against {n.DaysNeeded} needed";
        return new(v, $"Capability in {area}, {ready}: {Format.Value(v)}");
    }
}

internal static class Format
{
    public static string Value(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    public static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
