namespace Interlock.EarlyWarning;

/// <summary>
/// What a recompute must write to bring the stored rows of an event series to the computed ones: a row whose figures
/// are unchanged is left as it is, a changed one is updated, a new one inserted, one no longer computed deleted. A
/// recompute that finds what is stored (the usual case: imports keep the series up to date) writes nothing. One rule
/// for both databases; each applies the changes its own way (<see cref="SqliteCountryMonths"/>, <see cref="PostgresCountryMonths"/>).
/// </summary>
internal sealed class CountryMonthChanges
{
    public List<CountryMonth> Inserts { get; } = [];
    public List<CountryMonth> Updates { get; } = [];
    public List<CountryMonth> Deletes { get; } = [];
    public int Count => Inserts.Count + Updates.Count + Deletes.Count;

    /// <summary><paramref name="stored"/>: the stored rows of the recompute's scope; <paramref name="computed"/>: its result.</summary>
    public static CountryMonthChanges Between(IReadOnlyCollection<CountryMonth> stored, IEnumerable<CountryMonth> computed)
    {
        var changes = new CountryMonthChanges();
        var old = new Dictionary<long, CountryMonth>(stored.Count);
        foreach (var row in stored) old.Add(Key(row), row);
        foreach (var row in computed)
        {
            if (!old.Remove(Key(row), out var was)) changes.Inserts.Add(row);
            else if (!row.HasSameFiguresAs(was)) changes.Updates.Add(row);
        }
        changes.Deletes.AddRange(old.Values);
        return changes;
    }

    /// <summary>An event series' row key in one long: series number, packed country code, yyyyMM.</summary>
    private static long Key(CountryMonth row) =>
        (long)Array.IndexOf(EventDatasets.EventSets, row.Series) << 48 | (long)CountryMonthTally.Pack(row.CountryIso3) << 20 |
        (uint)(row.Month.Year * 100 + row.Month.Month);
}
