using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Interlock.EarlyWarning;

/// <summary>
/// The country-month aggregation on SQLite, done in one pass over the events instead of a GROUP BY: SQLite would sort
/// every event by (dataset, country, month) and keep a distinct set per group for the spread, which took several
/// seconds for a million events; a sequential scan into a hash table takes a fraction of that. Reads the raw bytes of
/// each row (no strings), on the DbContext's connection, inside the caller's transaction.
/// </summary>
internal static class SqliteCountryMonths
{
    /// <summary>Up to this many countries are read through the (country, date) index; more, and the table is scanned.</summary>
    private const int IndexedCountries = 16;

    private static readonly byte[][] DatasetBytes = EventDatasets.EventSets.Select(Encoding.UTF8.GetBytes).ToArray();

    private struct Totals
    {
        public int StateBased, NonState, OneSided, Other, Events, Admin1Areas;
    }

    /// <summary>
    /// Recomputes the series of <paramref name="dataset"/> (or of every event dataset when null), for the given
    /// country-months only (or all). Returns the number of country-months written.
    /// </summary>
    public static async Task<int> RecomputeAsync(SqliteConnection connection, SqliteTransaction transaction, string? dataset,
        HashSet<(string Iso3, string Month)>? only, CancellationToken ct)
    {
        var db = connection.Handle!;
        var countries = only?.Select(k => k.Iso3).Distinct(StringComparer.Ordinal).ToList();
        var sql = """SELECT "Dataset", "CountryIso3", "DateStart", "ViolenceType", "Best", "Admin1" FROM "ConflictEvents" """ +
                  (countries is { Count: <= IndexedCountries }
                      ? $"WHERE \"Classification\" = 0 AND \"CountryIso3\" IN ({string.Join(", ", countries.Select((_, i) => $"?{i + 1}"))})"
                      : "NOT INDEXED WHERE \"Classification\" = 0");
        var wanted = dataset is null ? -1 : Array.IndexOf(EventDatasets.EventSets, dataset);
        HashSet<int>? countryFilter = countries is null ? null : countries.Select(c => Pack(Encoding.ASCII.GetBytes(c))).ToHashSet();

        var groups = new Dictionary<(int Dataset, int Country, int Month), int>();
        var totals = new Totals[4096];
        var areas = new HashSet<ulong>();
        Check(raw.sqlite3_prepare_v2(db, sql, out var stmt), db);
        using (stmt)
        {
            if (countries is { Count: <= IndexedCountries })
                for (var i = 0; i < countries.Count; i++) Check(raw.sqlite3_bind_text(stmt, i + 1, countries[i]), db);
            var row = new SqliteNative.Statement(stmt);
            int rc;
            while ((rc = row.Step()) == raw.SQLITE_ROW)
            {
                var ds = DatasetIndex(row.ColumnBytes(0));
                if (ds < 0 || (wanted >= 0 && ds != wanted)) continue;
                var country = Pack(row.ColumnBytes(1));
                if (countryFilter is not null && !countryFilter.Contains(country)) continue;
                var month = YearMonth(row.ColumnBytes(2));
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (ds, country, month), out var exists);
                if (!exists)
                {
                    slot = groups.Count - 1;
                    if (slot == totals.Length) Array.Resize(ref totals, totals.Length * 2);
                }
                var g = slot;
                ref var t = ref totals[g];
                var best = row.ColumnInt(4);
                switch (row.ColumnInt(3))
                {
                    case 1: t.StateBased += best; break;
                    case 2: t.NonState += best; break;
                    case 3: t.OneSided += best; break;
                    default: t.Other += best; break;
                }
                t.Events++;
                // One 64-bit hash of (group, admin1): a collision would undercount one area, with odds of about 1 in 10^7 here.
                if (!row.IsNull(5) && areas.Add(Fnv1a(row.ColumnBytes(5), (ulong)g)))
                    t.Admin1Areas++;
            }
            if (rc != raw.SQLITE_DONE) Check(rc, db);
        }

        // Replace the rows: every event series, or the touched months of one.
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = only is null
                ? $"DELETE FROM \"CountryMonths\" WHERE \"Series\" IN ({string.Join(", ", (dataset is null ? EventDatasets.EventSets : [dataset]).Select(d => $"'{d}'"))})"
                : """DELETE FROM "CountryMonths" WHERE "Series" = $s AND ("CountryIso3", "Month") IN (SELECT iso3, month FROM temp.cm_touched)""";
            if (only is not null) delete.Parameters.AddWithValue("$s", dataset);
            await delete.ExecuteNonQueryAsync(ct);
        }
        var names = new Dictionary<int, string>();
        var rows = new List<CountryMonth>();
        foreach (var ((ds, country, ym), g) in groups)
        {
            if (!names.TryGetValue(country, out var iso3)) names[country] = iso3 = Unpack(country);
            var month = new DateOnly(ym / 100, ym % 100, 1);
            if (only is not null && !only.Contains((iso3, MonthText(month)))) continue;
            var t = totals[g];
            rows.Add(new CountryMonth
            {
                Series = EventDatasets.EventSets[ds], CountryIso3 = iso3, Month = month, StateBased = t.StateBased, NonState = t.NonState,
                OneSided = t.OneSided, Other = t.Other, Events = t.Events, Admin1Areas = t.Admin1Areas,
            });
        }
        Insert(connection, rows.OrderBy(r => r.Series, StringComparer.Ordinal).ThenBy(r => r.CountryIso3, StringComparer.Ordinal).ThenBy(r => r.Month));
        return only?.Count ?? rows.Count;
    }

    /// <summary>
    /// Inserts country-months with one prepared statement, in the caller's transaction. In key order, the rows go to
    /// the end of the primary-key and (country, month) b-trees instead of anywhere in them.
    /// </summary>
    public static void Insert(SqliteConnection connection, IEnumerable<CountryMonth> rows)
    {
        const string insert = """
            INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """;
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, insert, out var write), db);
        using (write)
        {
            foreach (var r in rows)
            {
                Check(raw.sqlite3_bind_text(write, 1, r.Series), db);
                Check(raw.sqlite3_bind_text(write, 2, r.CountryIso3), db);
                Check(raw.sqlite3_bind_text(write, 3, MonthText(r.Month)), db);
                Check(raw.sqlite3_bind_int(write, 4, r.StateBased), db);
                Check(Nullable(write, 5, r.NonState), db);
                Check(Nullable(write, 6, r.OneSided), db);
                Check(Nullable(write, 7, r.Other), db);
                Check(Nullable(write, 8, r.Events), db);
                Check(Nullable(write, 9, r.Admin1Areas), db);
                var rc = raw.sqlite3_step(write);
                raw.sqlite3_reset(write);
                if (rc != raw.SQLITE_DONE) Check(rc, db);
            }
        }
    }

    private static int Nullable(sqlite3_stmt statement, int index, int? value) =>
        value is { } v ? raw.sqlite3_bind_int(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int DatasetIndex(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < DatasetBytes.Length; i++)
            if (name.SequenceEqual(DatasetBytes[i])) return i;
        return -1;
    }

    /// <summary>An ISO alpha-3 code in one int.</summary>
    private static int Pack(ReadOnlySpan<byte> iso3) => iso3.Length == 3 ? iso3[0] << 16 | iso3[1] << 8 | iso3[2] : -1;

    private static string Unpack(int packed) => string.Create(3, packed, (s, p) =>
    {
        s[0] = (char)(p >> 16 & 0xFF);
        s[1] = (char)(p >> 8 & 0xFF);
        s[2] = (char)(p & 0xFF);
    });

    /// <summary>'yyyy-MM-dd' (EF's text form of a DateOnly) as yyyyMM.</summary>
    private static int YearMonth(ReadOnlySpan<byte> day) =>
        ((day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0')) * 100 + (day[5] - '0') * 10 + (day[6] - '0');

    /// <summary>64-bit FNV-1a of the group number and the admin1 name.</summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes, ulong group)
    {
        var hash = (14695981039346656037UL ^ group) * 1099511628211UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }

    internal static string MonthText(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
