namespace Interlock.Registry.Exchange;

/// <summary>Why one row (or, with line 0 or the header's line, the whole file) was rejected; <see cref="Column"/> is the header name.</summary>
public sealed record ExchangeRejection(int Line, string Column, string Reason)
{
    public override string ToString() => $"line {Line}, {Column}: {Reason}";
}

/// <summary>
/// The outcome of an import: counts when every row was accepted and written, or the rejections when any row was
/// refused, in which case nothing was written.
/// </summary>
public sealed record ExchangeResult(int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ExchangeRejection> Rejections)
{
    public bool Succeeded => Rejections.Count == 0;

    public static ExchangeResult Rejected(int rows, IReadOnlyList<ExchangeRejection> rejections) => new(rows, 0, 0, 0, rejections);
}
