namespace Interlock.EarlyWarning;

/// <summary>
/// Sums events into country-months as they are read. Used when an import loads a dataset that has no events yet: the
/// file's events are then all of the dataset's events, so its series is known without reading them back.
/// </summary>
internal sealed class CountryMonthAccumulator
{
    private readonly Dictionary<(string Iso3, int YearMonth), int> _groups = [];
    private readonly List<CountryMonth> _rows = [];
    private readonly HashSet<(int Group, string Admin1)> _areas = [];

    public void Add(ReadOnlySpan<ParsedEvent> events, string series)
    {
        foreach (ref readonly var e in events)
        {
            var key = (e.CountryIso3, e.DateStart.Year * 100 + e.DateStart.Month);
            if (!_groups.TryGetValue(key, out var g))
            {
                g = _rows.Count;
                _groups[key] = g;
                _rows.Add(new CountryMonth
                {
                    Series = series, CountryIso3 = e.CountryIso3, Month = CountryMonth.MonthOf(e.DateStart),
                    NonState = 0, OneSided = 0, Other = 0, Events = 0, Admin1Areas = 0,
                });
            }
            var m = _rows[g];
            switch (e.ViolenceType)
            {
                case ViolenceType.StateBased: m.StateBased += e.Best; break;
                case ViolenceType.NonState: m.NonState += e.Best; break;
                case ViolenceType.OneSided: m.OneSided += e.Best; break;
                default: m.Other += e.Best; break;
            }
            m.Events++;
            if (e.Admin1 is not null && _areas.Add((g, e.Admin1))) m.Admin1Areas++;
        }
    }

    /// <summary>The series in key order (country, month), as the table's indexes are ordered.</summary>
    public List<CountryMonth> Rows() =>
        _rows.OrderBy(r => r.CountryIso3, StringComparer.Ordinal).ThenBy(r => r.Month).ToList();
}
