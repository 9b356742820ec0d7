namespace Interlock.DivisionOfLabour;

/// <summary>A span of days, both ends included; an open end runs on indefinitely.</summary>
public readonly record struct Period(DateOnly Start, DateOnly? End)
{
    public bool Overlaps(Period other) =>
        (End is null || other.Start <= End) && (other.End is null || Start <= other.End);

    public bool Contains(DateOnly day) => Start <= day && (End is null || day <= End);

    public override string ToString() => End is { } e ? $"{Start:yyyy-MM-dd} – {e:yyyy-MM-dd}" : $"from {Start:yyyy-MM-dd}";
}
