using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Interlock.EarlyWarning;

/// <summary>
/// The country-month recompute on SQLite, on the DbContext's connection and inside the caller's transaction: the events
/// are tallied in one pass (<see cref="SqliteEventScan"/>) instead of a GROUP BY — SQLite would sort every event by
/// (dataset, country, month) and keep a distinct set per group for the spread, which took several seconds for a million
/// events — and only the rows that differ from the stored ones are written (<see cref="CountryMonthChanges"/>).
/// </summary>
internal static class SqliteCountryMonths
{
    /// <summary>Up to this many countries are read through the (country, date) index; more, and the table is scanned.</summary>
    private const int IndexedCountries = 16;

    /// <summary>
    /// Recomputes the series of <paramref name="dataset"/> (or of every event dataset when null), for the given
    /// country-months only (or all), in the connection's current transaction. Returns how many country-months were
    /// computed and how many rows were written to store them (<see cref="Write"/>). <paramref name="unwritten"/>: the
    /// transaction has written nothing yet, so a scan of all events may be shared with other connections (<see cref="SqliteEventScan.TallyAll"/>).
    /// </summary>
    public static (int CountryMonths, int Written) Recompute(SqliteConnection connection, string? dataset, HashSet<(string Iso3, string Month)>? only,
        bool unwritten = false)
    {
        var db = connection.Handle!;
        var countries = only?.Select(k => k.Iso3).Distinct(StringComparer.Ordinal).ToList();
        var wanted = dataset is null ? -1 : Array.IndexOf(EventDatasets.EventSets, dataset);
        var tally = countries is null ? SqliteEventScan.TallyAll(db, wanted, unwritten, out _)
            : countries.Count <= IndexedCountries
                ? SqliteEventScan.Tally(db, $"\"CountryIso3\" IN ({string.Join(", ", countries.Select((_, i) => $"?{i + 1}"))})", countries, wanted, null)
                : SqliteEventScan.Tally(db, null, null, wanted, countries.Select(CountryMonthTally.Pack).ToHashSet());

        var rows = tally.CountryMonths(only);

        // The stored rows of the same scope: every event series, or the touched months of one.
        var stored = only is null
            // The table itself, in rowid order: through the primary key, each row would be a seek.
            ? Read(connection, $"NOT INDEXED WHERE \"Series\" IN ({string.Join(", ", (dataset is null ? EventDatasets.EventSets : [dataset]).Select(d => $"'{d}'"))})")
            : Read(connection, """WHERE "Series" = ?1 AND ("CountryIso3", "Month") IN (SELECT iso3, month FROM temp.cm_touched)""", dataset);
        var changed = Write(connection, stored, rows);
        return (only?.Count ?? rows.Count, changed);
    }

    /// <summary>Writes what differs between the stored rows and the computed ones (<see cref="CountryMonthChanges"/>); returns how many rows.</summary>
    private static int Write(SqliteConnection connection, List<CountryMonth> stored, List<CountryMonth> computed)
    {
        var changes = CountryMonthChanges.Between(stored, computed);
        var db = connection.Handle!;
        Run(db, """DELETE FROM "CountryMonths" WHERE "Series" = ?1 AND "CountryIso3" = ?2 AND "Month" = ?3""", changes.Deletes, figures: false);
        Run(db, """
            UPDATE "CountryMonths" SET "StateBased" = ?4, "NonState" = ?5, "OneSided" = ?6, "Other" = ?7, "Events" = ?8, "Admin1Areas" = ?9
            WHERE "Series" = ?1 AND "CountryIso3" = ?2 AND "Month" = ?3
            """, changes.Updates, figures: true);
        Insert(connection, changes.Inserts);
        return changes.Count;
    }

    /// <summary>
    /// Inserts country-months with one prepared statement bound through <see cref="SqliteNative"/>, in the caller's
    /// transaction. In key order, the rows go to the end of the primary-key and (country, month) b-trees instead of
    /// anywhere in them.
    /// </summary>
    public static void Insert(SqliteConnection connection, IEnumerable<CountryMonth> rows) => Run(connection.Handle!, """
        INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """, rows, figures: true);

    /// <summary>
    /// Runs <paramref name="sql"/> once per row, binding the key as ?1–?3 and, with <paramref name="figures"/>, the
    /// figures as ?4–?9. The few distinct series, countries and months are encoded to UTF-8 once.
    /// </summary>
    private static void Run(sqlite3 db, string sql, IEnumerable<CountryMonth> rows, bool figures)
    {
        var texts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var months = new Dictionary<DateOnly, byte[]>();
        byte[] Utf8(string s) => texts.TryGetValue(s, out var b) ? b : texts[s] = Encoding.UTF8.GetBytes(s);
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            var w = new SqliteNative.Statement(statement);
            foreach (var r in rows)
            {
                if (!months.TryGetValue(r.Month, out var month)) months[r.Month] = month = Encoding.UTF8.GetBytes(MonthText(r.Month));
                Check(w.Text(1, Utf8(r.Series)), db);
                Check(w.Text(2, Utf8(r.CountryIso3)), db);
                Check(w.Text(3, month), db);
                if (figures)
                {
                    Check(w.Int(4, r.StateBased), db);
                    Check(Nullable(w, 5, r.NonState), db);
                    Check(Nullable(w, 6, r.OneSided), db);
                    Check(Nullable(w, 7, r.Other), db);
                    Check(Nullable(w, 8, r.Events), db);
                    Check(Nullable(w, 9, r.Admin1Areas), db);
                }
                var rc = w.Step();
                w.Reset();
                if (rc != raw.SQLITE_DONE) Check(rc, db);
            }
        }
    }

    private static int Nullable(SqliteNative.Statement statement, int index, int? value) =>
        value is { } v ? statement.Int(index, v) : statement.Null(index);

    /// <summary>
    /// The country-month rows that <paramref name="where"/> selects (its parameters ?1… bound to <paramref name="bind"/>),
    /// through the native statement: the ADO.NET reader, its strings and its date parsing took a third of a full risk
    /// recompute (0.33 s for 84,000 rows). Series, codes and months are decoded once each.
    /// </summary>
    public static List<CountryMonth> Read(SqliteConnection connection, string where, params string?[] bind)
    {
        var db = connection.Handle!;
        var rows = new List<CountryMonth>();
        var countries = new Dictionary<int, string>();
        var series = new List<(byte[] Utf8, string Name)>();
        var months = new Dictionary<int, DateOnly>();
        Check(raw.sqlite3_prepare_v2(db, $"""
            SELECT "Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas" FROM "CountryMonths" {where}
            """, out var statement), db);
        using (statement)
        {
            for (var i = 0; i < bind.Length; i++) Check(raw.sqlite3_bind_text(statement, i + 1, bind[i]), db);
            var row = new SqliteNative.Statement(statement);
            int rc;
            while ((rc = row.Step()) == raw.SQLITE_ROW)
            {
                var name = row.ColumnText(0);
                string? seriesName = null;
                foreach (var (utf8, known) in series)
                    if (name.SequenceEqual(utf8)) { seriesName = known; break; }
                if (seriesName is null) series.Add((name.ToArray(), seriesName = Encoding.UTF8.GetString(name)));
                var packed = CountryMonthTally.Pack(row.ColumnText(1));
                if (!countries.TryGetValue(packed, out var iso3)) countries[packed] = iso3 = Encoding.UTF8.GetString(row.ColumnText(1));
                var day = row.ColumnText(2); // yyyy-MM-dd, EF's text form of a DateOnly
                var key = SqliteEventScan.YearMonth(day) * 100 + (day[8] - '0') * 10 + (day[9] - '0');
                if (!months.TryGetValue(key, out var month)) months[key] = month = new DateOnly(key / 10000, key / 100 % 100, key % 100);
                rows.Add(new CountryMonth
                {
                    Series = seriesName, CountryIso3 = iso3, Month = month, StateBased = row.ColumnInt(3),
                    NonState = NullableInt(row, 4), OneSided = NullableInt(row, 5), Other = NullableInt(row, 6),
                    Events = NullableInt(row, 7), Admin1Areas = NullableInt(row, 8),
                });
            }
            if (rc != raw.SQLITE_DONE) Check(rc, db);
        }
        return rows;
    }

    private static int? NullableInt(SqliteNative.Statement row, int i) => row.IsNull(i) ? null : row.ColumnInt(i);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }

    internal static string MonthText(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
