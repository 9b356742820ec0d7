namespace Interlock.EarlyWarning.Risk;

/// <summary>The figures of one country-month from the one series chosen for it (see <see cref="SeriesChoice"/>).</summary>
public sealed record MonthFigures(string Series, int StateBased, int? NonState, int? OneSided, int? Events, int? Admin1Areas)
{
    /// <summary>Organized-violence deaths when the series knows all three types (VIEWS knows only state-based).</summary>
    public int? Organized => NonState is { } ns && OneSided is { } os ? StateBased + ns + os : null;

    public static MonthFigures Of(CountryMonth m) => new(m.Series, m.StateBased, m.NonState, m.OneSided, m.Events, m.Admin1Areas);

    /// <summary>A covered month without events: zero of everything the series knows.</summary>
    public static MonthFigures Quiet(string series) => series == EventDatasets.ViewsGedSb
        ? new(series, 0, null, null, null, null)
        : new(series, 0, 0, 0, 0, 0);
}

/// <summary>The first and last month a series has rows for, over all countries.</summary>
public readonly record struct SeriesBounds(DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly month) => month >= First && month <= Last;
}

/// <summary>
/// Which series feeds which country-month, so that the same deaths are never counted twice: the series are never
/// summed; each month takes exactly one, the first of <see cref="Priority"/> that covers it.
/// <list type="bullet">
/// <item>UCDP GED and ACLED are systematic: when a country has any row in one, the dataset covers it from the dataset's
/// first to its last month (over all countries), and a month without a row there reads as zero.</item>
/// <item>Field incident reports are not systematic: they cover only the months that have reports.</item>
/// <item>VIEWS' state-based series (2018 to 2024-04, every country) fills in where no event dataset covers the month.</item>
/// </list>
/// </summary>
public static class SeriesChoice
{
    public static readonly string[] Priority = [EventDatasets.UcdpGed, EventDatasets.Acled, EventDatasets.Incident, EventDatasets.ViewsGedSb];

    /// <summary>The chosen figures of one country, month by month, from its rows in every series.</summary>
    /// <param name="present">When the rows are a window of months (<paramref name="from"/>): the series the country has any
    /// row in at all, since a systematic dataset covers every month of a country it has a row for, even outside the window.</param>
    /// <param name="from">The first month wanted; null for all.</param>
    public static SortedList<DateOnly, MonthFigures> Choose(IEnumerable<CountryMonth> rowsOfCountry, IReadOnlyDictionary<string, SeriesBounds> bounds,
        IReadOnlySet<string>? present = null, DateOnly? from = null)
    {
        var bySeries = new Dictionary<string, List<CountryMonth>>(StringComparer.Ordinal);
        foreach (var r in rowsOfCountry) (bySeries.TryGetValue(r.Series, out var list) ? list : bySeries[r.Series] = []).Add(r);
        foreach (var series in Priority)
            if (!bySeries.ContainsKey(series) && present?.Contains(series) == true) bySeries[series] = [];

        // The months each series covers: a systematic dataset every month of its bounds (from the window's start), the
        // others the months they have rows for.
        (int First, int Last)? Covered(string series, List<CountryMonth> rows)
        {
            if (series != EventDatasets.Incident && bounds.TryGetValue(series, out var b))
            {
                var first = from is { } f && f > b.First ? f : b.First;
                return first <= b.Last ? (Index(first), Index(b.Last)) : null;
            }
            return rows.Count == 0 ? null : (rows.Min(r => Index(r.Month)), rows.Max(r => Index(r.Month)));
        }
        var spans = bySeries.Where(kv => Priority.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value, Span: Covered(kv.Key, kv.Value)))
            .Where(x => x.Span is not null).ToList();
        if (spans.Count == 0) return [];
        var lo = spans.Min(x => x.Span!.Value.First);
        var months = new MonthFigures?[spans.Max(x => x.Span!.Value.Last) - lo + 1];

        // Lowest priority first, so a better series overwrites; months in an array, so filling them is not a tree insert.
        foreach (var series in Priority.Reverse())
        {
            var (_, rows, span) = spans.FirstOrDefault(x => x.Key == series);
            if (span is not { } covered) continue;
            var systematic = series != EventDatasets.Incident && bounds.ContainsKey(series);
            if (systematic)
            {
                var quiet = MonthFigures.Quiet(series);
                for (var m = covered.First; m <= covered.Last; m++) months[m - lo] = quiet;
            }
            foreach (var row in rows)
            {
                var m = Index(row.Month);
                if (m >= covered.First && m <= covered.Last) months[m - lo] = MonthFigures.Of(row);
            }
        }
        var chosen = new SortedList<DateOnly, MonthFigures>(months.Count(m => m is not null));
        for (var i = 0; i < months.Length; i++)
            if (months[i] is { } figures) chosen.Add(new DateOnly((lo + i) / 12, (lo + i) % 12 + 1, 1), figures);
        return chosen;
    }

    private static int Index(DateOnly month) => month.Year * 12 + month.Month - 1;

    public static string SourceName(string series) => series switch
    {
        EventDatasets.UcdpGed => "UCDP GED",
        EventDatasets.Acled => "ACLED",
        EventDatasets.Incident => "incident reports",
        EventDatasets.ViewsGedSb => "VIEWS state-based series",
        _ => series,
    };
}
