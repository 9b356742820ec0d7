using Interlock.Data;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// Recomputes derived indicators and country risk for the country-months an observation or incident report touched.
/// Observations and incidents call only this interface, not the risk model itself.
/// </summary>
public interface IRiskRecomputer
{
    Task RecomputeAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)> touched, CancellationToken ct);
}

/// <summary>The risk model: recomputes the derived indicators and risk levels the touched country-months affect, in the caller's transaction.</summary>
public sealed class RiskModelRecomputer : IRiskRecomputer
{
    public Task RecomputeAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)> touched, CancellationToken ct) =>
        RiskRecompute.RecomputeAsync(db, touched, ct);
}
