namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>
/// The app's clock in tests: real time shifted by an offset that a test sets, so "today" can be moved to the
/// days around an agreement's validity while time keeps running (timers stay real, so nothing in the host stalls).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    /// <summary>Moves the clock to noon UTC of <paramref name="day"/>: a test's few seconds cannot cross midnight.</summary>
    public void SetToday(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Interlocked.Exchange(ref _offsetTicks, (target - System.GetUtcNow()).Ticks);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
