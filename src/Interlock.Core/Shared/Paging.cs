namespace Interlock.Shared;

/// <summary>A page of results with the total, as every list endpoint returns it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static (int Offset, int Limit) Normalize(int? offset, int? limit) =>
        (Math.Max(0, offset ?? 0), Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit));
}
