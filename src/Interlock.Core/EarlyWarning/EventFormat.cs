using System.Globalization;
using nietras.SeparatedValues;

namespace Interlock.EarlyWarning;

internal sealed record FormatContext(CountryCodes Countries, DateOnly Today);

/// <summary>One file format: which columns it needs, and how one row becomes an event (or is rejected with reasons).</summary>
internal abstract class EventFormat(FormatContext context)
{
    /// <summary>Events before this day are rejected as out of range (the UN era; UCDP starts in 1989, ACLED in 1997).</summary>
    public static readonly DateOnly EarliestDate = new(1946, 1, 1);

    protected FormatContext Context { get; } = context;

    public abstract string Dataset { get; }
    public abstract string Name { get; }
    public abstract IReadOnlyList<string> Required { get; }
    public abstract string IdColumn { get; }
    /// <summary>Ids are integers (kept in a smaller set to find duplicates).</summary>
    public abstract bool NumericIds { get; }

    /// <summary>Finds the columns by name; returns the required ones that are missing.</summary>
    public abstract List<string> Bind(SepReaderHeader header);

    public abstract void Parse(SepReader.Row row, ref ParsedEvent e, EventFileReader.RowState state);

    protected static int Index(SepReaderHeader header, string name, List<string>? missing)
    {
        if (header.TryIndexOf(name, out var i)) return i;
        missing?.Add(name);
        return -1;
    }

    protected static string? Text(SepReader.Row row, int col)
    {
        if (col < 0) return null;
        var span = row[col].Span.Trim();
        return span.IsEmpty ? null : row[col].ToString().Trim();
    }

    protected static string? Id(SepReader.Row row, int col, string name, EventFileReader.RowState state)
    {
        var span = row[col].Span.Trim();
        if (span.IsEmpty) { state.Fail(name, "the event id is empty."); return null; }
        if (span.Length > 64) { state.Fail(name, "the event id is longer than 64 characters."); return null; }
        return new string(span);
    }

    /// <summary>A count of deaths: a whole number, zero or more ("3" or "3.0").</summary>
    protected static int Count(SepReader.Row row, int col, string name, EventFileReader.RowState state, int? whenEmpty = null)
    {
        var span = row[col].Span.Trim();
        if (span.IsEmpty)
        {
            if (whenEmpty is { } fallback) return fallback;
            state.Fail(name, "is empty; a whole number of deaths (0 or more) is required.");
            return 0;
        }
        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d))
            return (int)d;
        state.Fail(name, $"'{Clip(span)}' is not a whole number of deaths (0 or more).");
        return 0;
    }

    protected static double? Coordinate(SepReader.Row row, int col, string name, double limit, EventFileReader.RowState state)
    {
        if (col < 0) return null;
        var span = row[col].Span.Trim();
        if (span.IsEmpty) return null;
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= -limit && v <= limit) return v;
        state.Fail(name, $"'{Clip(span)}' is not a number between -{limit} and {limit}.");
        return null;
    }

    /// <summary>A day as <c>YYYY-MM-DD</c>, optionally followed by a time (<c>2009-02-20 00:00:00.000</c>, <c>2009-02-20T00:00:00</c>), within range.</summary>
    protected DateOnly IsoDay(SepReader.Row row, int col, string name, EventFileReader.RowState state)
    {
        var span = row[col].Span.Trim();
        if (TryIsoDay(span, out var day)) return InRange(day, name, state);
        state.Fail(name, span.IsEmpty ? "is empty; a date (YYYY-MM-DD) is required." : $"'{Clip(span)}' is not a date (YYYY-MM-DD).");
        return default;
    }

    protected DateOnly InRange(DateOnly day, string name, EventFileReader.RowState state)
    {
        if (day >= EarliestDate && day <= Context.Today) return day;
        state.Fail(name, $"{day:yyyy-MM-dd} is out of range: events must be dated between {EarliestDate:yyyy-MM-dd} and today ({Context.Today:yyyy-MM-dd}).");
        return default;
    }

    internal static bool TryIsoDay(ReadOnlySpan<char> s, out DateOnly day)
    {
        day = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        if (s.Length > 10 && s[10] != ' ' && s[10] != 'T') return false;
        if (!TwoOrFour(s[..4], out var y) || !TwoOrFour(s.Slice(5, 2), out var m) || !TwoOrFour(s.Slice(8, 2), out var d)) return false;
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), m) || y < 1) return false;
        day = new DateOnly(y, m, d);
        return true;

        static bool TwoOrFour(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (c is < '0' or > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }
    }

    protected static string Clip(ReadOnlySpan<char> s) => s.Length <= 40 ? new string(s) : new string(s[..40]) + "…";

    protected static string Clip(string s) => Clip(s.AsSpan());
}
