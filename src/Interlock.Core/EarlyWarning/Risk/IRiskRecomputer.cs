using Interlock.Data;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// Recomputes derived indicators and country risk for the country-months an observation or incident report touched.
/// Observations and incidents call only this, so the risk model can be plugged in without them knowing it;
/// until it is, <see cref="NoRiskRecomputer"/> is registered.
/// </summary>
public interface IRiskRecomputer
{
    Task RecomputeAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)> touched, CancellationToken ct);
}

/// <summary>The default: nothing to recompute while no risk model is registered.</summary>
public sealed class NoRiskRecomputer : IRiskRecomputer
{
    public Task RecomputeAsync(InterlockDbContext db, IReadOnlyCollection<(string Iso3, DateOnly Month)> touched, CancellationToken ct) =>
        Task.CompletedTask;
}
