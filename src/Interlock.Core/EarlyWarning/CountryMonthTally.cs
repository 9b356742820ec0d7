using System.Globalization;
using System.Runtime.InteropServices;

namespace Interlock.EarlyWarning;

/// <summary>
/// Sums events into country-months: fatalities by type of violence, events, and the number of distinct first-level
/// areas (spread). One tally serves the import (summing the file's events as they are read) and the SQLite recompute
/// (summing the stored events in one scan), so both count alike. Built for a million events a pass:
/// <list type="bullet">
/// <item>a group (dataset, country, month) is found through an array of months per dataset and country, not by
/// hashing the whole key (long's own hash folded the country's letters onto the month and made long collision chains);</item>
/// <item>each admin1 name gets a small number from a small dictionary; the (group, area) pairs are collected and
/// sorted once at the end instead of kept in a set of up to a million pairs, whose every insert was a cache miss.</item>
/// </list>
/// Countries are ISO alpha-3 codes packed in an int (<see cref="Pack(string)"/>); months are yyyyMM.
/// </summary>
internal sealed class CountryMonthTally(int expectedEvents = 0)
{
    public struct Totals
    {
        public int StateBased, NonState, OneSided, Other, Events, Admin1Areas;
    }

    private const int FirstYear = 1900, MonthCount = 200 * 12;
    private readonly Dictionary<int, int[]> _months = [];
    private readonly Dictionary<long, int> _other = [];
    private readonly Dictionary<ulong, int> _areaIds = [];
    private readonly List<ulong> _areaHashes = [];
    private readonly List<(int Dataset, int Country, int YearMonth)> _keys = new(4096);
    private Totals[] _totals = new Totals[4096];
    private long[] _pairs = new long[Math.Max(expectedEvents, 1024)];
    private int _pairCount;
    private int[]? _lastMonths;
    private int _lastSeries = -1;
    private bool _finished;

    /// <summary>Adds one event; <paramref name="admin1Hash"/> identifies its first-level area (null when unknown).</summary>
    public void Add(int dataset, int country, int yearMonth, ViolenceType type, int best, ulong? admin1Hash)
    {
        var slot = Slot(dataset, country, yearMonth);
        ref var t = ref _totals[slot];
        switch (type)
        {
            case ViolenceType.StateBased: t.StateBased += best; break;
            case ViolenceType.NonState: t.NonState += best; break;
            case ViolenceType.OneSided: t.OneSided += best; break;
            default: t.Other += best; break;
        }
        t.Events++;
        if (admin1Hash is not { } area) return;
        AddPair(slot, AreaId(area));
    }

    private int AreaId(ulong area)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_areaIds, area, out var known);
        if (!known)
        {
            id = _areaIds.Count - 1;
            _areaHashes.Add(area);
        }
        return id;
    }

    private void AddPair(int slot, int areaId)
    {
        if (_pairCount == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
        _pairs[_pairCount++] = (long)slot << 32 | (uint)areaId;
    }

    /// <summary>
    /// Adds what <paramref name="other"/> counted (another part of the same events, tallied on another thread): its
    /// totals group by group, and its (group, area) pairs renumbered into this tally's groups and areas, so the spread
    /// is counted once over both. Neither may have been read yet.
    /// </summary>
    public void Merge(CountryMonthTally other)
    {
        if (_finished || other._finished) throw new InvalidOperationException("A tally cannot be merged after its groups were read.");
        var slots = new int[other._keys.Count];
        for (var g = 0; g < slots.Length; g++)
        {
            var (dataset, country, yearMonth) = other._keys[g];
            slots[g] = Slot(dataset, country, yearMonth);
            ref var t = ref _totals[slots[g]];
            var o = other._totals[g];
            t.StateBased += o.StateBased;
            t.NonState += o.NonState;
            t.OneSided += o.OneSided;
            t.Other += o.Other;
            t.Events += o.Events;
        }
        var areas = new int[other._areaHashes.Count];
        for (var a = 0; a < areas.Length; a++) areas[a] = AreaId(other._areaHashes[a]);
        foreach (var pair in other._pairs.AsSpan(0, other._pairCount)) AddPair(slots[(int)(pair >> 32)], areas[(int)pair]);
    }

    /// <summary>The groups in order of first sight with their totals (spread counted on the first call).</summary>
    public IEnumerable<(int Dataset, int Country, int YearMonth, Totals Totals)> Groups()
    {
        if (!_finished)
        {
            var pairs = _pairs.AsSpan(0, _pairCount);
            pairs.Sort();
            for (var i = 0; i < pairs.Length; i++)
                if (i == 0 || pairs[i] != pairs[i - 1]) _totals[(int)(pairs[i] >> 32)].Admin1Areas++;
            _pairs = [];
            _finished = true;
        }
        for (var g = 0; g < _keys.Count; g++) yield return (_keys[g].Dataset, _keys[g].Country, _keys[g].YearMonth, _totals[g]);
    }

    /// <summary>
    /// The groups as rows of the event series, in the primary key's order (series, country, month); with
    /// <paramref name="only"/>, just those (ISO alpha-3 code, yyyy-MM-dd month).
    /// </summary>
    public List<CountryMonth> CountryMonths(HashSet<(string Iso3, string Month)>? only = null)
    {
        var names = new Dictionary<int, string>();
        var rows = new List<CountryMonth>();
        foreach (var (ds, country, ym, t) in Groups())
        {
            if (!names.TryGetValue(country, out var iso3)) names[country] = iso3 = Unpack(country);
            var month = new DateOnly(ym / 100, ym % 100, 1);
            if (only is not null && !only.Contains((iso3, month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))) continue;
            rows.Add(new CountryMonth
            {
                Series = EventDatasets.EventSets[ds], CountryIso3 = iso3, Month = month, StateBased = t.StateBased, NonState = t.NonState,
                OneSided = t.OneSided, Other = t.Other, Events = t.Events, Admin1Areas = t.Admin1Areas,
            });
        }
        rows.Sort(KeyOrder);
        return rows;
    }

    private static int KeyOrder(CountryMonth a, CountryMonth b)
    {
        var c = string.CompareOrdinal(a.Series, b.Series);
        if (c == 0) c = string.CompareOrdinal(a.CountryIso3, b.CountryIso3);
        return c != 0 ? c : a.Month.CompareTo(b.Month);
    }

    private int Slot(int dataset, int country, int yearMonth)
    {
        var m = (yearMonth / 100 - FirstYear) * 12 + yearMonth % 100 - 1;
        if ((uint)m >= MonthCount) return OtherSlot(dataset, country, yearMonth);
        var series = dataset << 24 | country;
        if (series != _lastSeries)
        {
            if (!_months.TryGetValue(series, out _lastMonths)) _months[series] = _lastMonths = new int[MonthCount];
            _lastSeries = series;
        }
        ref var slot = ref _lastMonths![m];
        if (slot == 0) slot = NewGroup(dataset, country, yearMonth) + 1; // stored plus one: 0 means not seen
        return slot - 1;
    }

    /// <summary>Months outside 1900–2099 (not expected: imports refuse such dates) go through a dictionary.</summary>
    private int OtherSlot(int dataset, int country, int yearMonth)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_other, (long)dataset << 56 | (long)country << 24 | (uint)yearMonth, out var seen);
        if (!seen) slot = NewGroup(dataset, country, yearMonth);
        return slot;
    }

    private int NewGroup(int dataset, int country, int yearMonth)
    {
        _keys.Add((dataset, country, yearMonth));
        if (_keys.Count > _totals.Length) Array.Resize(ref _totals, _totals.Length * 2);
        return _keys.Count - 1;
    }

    /// <summary>An ISO alpha-3 code in one int.</summary>
    public static int Pack(ReadOnlySpan<byte> iso3) => iso3.Length == 3 ? iso3[0] << 16 | iso3[1] << 8 | iso3[2] : -1;

    public static int Pack(string iso3) => iso3.Length == 3 ? iso3[0] << 16 | iso3[1] << 8 | iso3[2] : -1;

    public static string Unpack(int packed) => string.Create(3, packed, (s, p) =>
    {
        s[0] = (char)(p >> 16 & 0xFF);
        s[1] = (char)(p >> 8 & 0xFF);
        s[2] = (char)(p & 0xFF);
    });

    /// <summary>64-bit FNV-1a of an admin1 name as UTF-8 bytes; two names colliding would count as one area (odds about 1 in 10^13 here).</summary>
    public static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>The same hash of a name given as a string (its UTF-16 code units; only compared with other strings' hashes).</summary>
    public static ulong Hash(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
