namespace Interlock.EarlyWarning;

/// <summary>
/// Sums events into country-months as they are read. Used when an import loads a dataset that has no events yet: the
/// file's events are then all of the dataset's events, so its series is known without reading them back. The sums
/// are the same <see cref="CountryMonthTally"/> the SQLite recompute uses.
/// </summary>
internal sealed class CountryMonthAccumulator(long? expectedEvents = null)
{
    private readonly CountryMonthTally _tally = new((int)Math.Clamp(expectedEvents ?? 0, 0, 50_000_000));
    private string? _series;
    // The reader hands out the same string instance for a repeated value: the last name's hash is reused.
    private string? _lastAdmin1;
    private ulong _lastHash;

    public void Add(ReadOnlySpan<ParsedEvent> events, string series)
    {
        _series ??= series;
        foreach (ref readonly var e in events)
        {
            ulong? area = null;
            if (e.Admin1 is { } name)
            {
                if (!ReferenceEquals(name, _lastAdmin1))
                {
                    _lastHash = CountryMonthTally.Hash(name);
                    _lastAdmin1 = name;
                }
                area = _lastHash;
            }
            _tally.Add(0, CountryMonthTally.Pack(e.CountryIso3), e.DateStart.Year * 100 + e.DateStart.Month, e.ViolenceType, e.Best, area);
        }
    }

    /// <summary>The series in key order (country, month), as the table's indexes are ordered.</summary>
    public List<CountryMonth> Rows() =>
        _tally.Groups().Select(g => new CountryMonth
        {
            Series = _series ?? "", CountryIso3 = CountryMonthTally.Unpack(g.Country), Month = new DateOnly(g.YearMonth / 100, g.YearMonth % 100, 1),
            StateBased = g.Totals.StateBased, NonState = g.Totals.NonState, OneSided = g.Totals.OneSided, Other = g.Totals.Other,
            Events = g.Totals.Events, Admin1Areas = g.Totals.Admin1Areas,
        }).OrderBy(r => r.CountryIso3, StringComparer.Ordinal).ThenBy(r => r.Month).ToList();
}
