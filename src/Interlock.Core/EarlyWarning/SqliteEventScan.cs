using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Interlock.EarlyWarning;

/// <summary>
/// Reads the public events of the SQLite event store into a <see cref="CountryMonthTally"/>: their raw bytes, through
/// <see cref="SqliteNative"/>, no strings. A scan of every event (the full recompute) is split by rowid range across
/// threads, each part on a read-only connection of its own beside the caller's (<see cref="TallyAll"/>).
/// </summary>
internal static class SqliteEventScan
{
    private const string Select = """SELECT "Dataset", "CountryIso3", "DateStart", "ViolenceType", "Best", "Admin1" FROM "ConflictEvents" """;

    /// <summary>Below this many events one thread scans them all: opening connections would cost more than it saves.</summary>
    private const long ParallelFrom = 200_000;

    private static readonly byte[][] DatasetBytes = EventDatasets.EventSets.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>
    /// The public events that <paramref name="where"/> selects (its parameters ?1… bound to <paramref name="bind"/>; all
    /// when null, by a table scan), of dataset number <paramref name="wanted"/> (all when -1) and of the countries in
    /// <paramref name="countries"/> (all when null), on the caller's connection and in its transaction.
    /// </summary>
    public static CountryMonthTally Tally(sqlite3 db, string? where, List<string>? bind, int wanted, HashSet<int>? countries)
    {
        var tally = new CountryMonthTally();
        Scan(db, Select + (where is null ? "NOT INDEXED WHERE \"Classification\" = 0" : $"WHERE \"Classification\" = 0 AND {where}"), bind, wanted, countries, tally);
        return tally;
    }

    /// <summary>
    /// Every public event (of dataset number <paramref name="wanted"/>, all when -1). With a file database and more than
    /// one core, the rowid range is cut into one part per core (up to four); the first part is read on the caller's
    /// connection, the others on read-only connections of their own, at the same time, and the tallies are merged.
    /// <para>The other connections see what is committed, so they may only help when that is what the caller's connection
    /// sees: when its transaction has written nothing yet (<paramref name="unwritten"/>, the caller's word) and holds the
    /// write lock, so that nobody else can commit meanwhile (Microsoft.Data.Sqlite begins IMMEDIATE transactions). The
    /// lock is checked: another connection must fail to take it. Otherwise one thread reads all.</para>
    /// </summary>
    /// <param name="parts">How many parts (tests); by default one per core, up to four.</param>
    /// <param name="parallelFrom">From how many rowids on the scan is split (tests); by default <see cref="ParallelFrom"/>.</param>
    /// <param name="used">How many parts were read.</param>
    public static CountryMonthTally TallyAll(sqlite3 db, int wanted, bool unwritten, out int used, int? parts = null, long parallelFrom = ParallelFrom)
    {
        var (first, last) = IdRange(db);
        var count = Math.Max(parts ?? Math.Min(Environment.ProcessorCount, 4), 1);
        var path = raw.sqlite3_db_filename(db, "main").utf8_to_string();
        if (!unwritten || count < 2 || last - first + 1 < parallelFrom || string.IsNullOrEmpty(path) || !WriteLockHeld(path))
        {
            used = 1;
            var all = new CountryMonthTally(Reserve(last - first + 1));
            Scan(db, Select + "NOT INDEXED WHERE \"Classification\" = 0", null, wanted, null, all);
            return all;
        }

        used = count;
        var size = (last - first + count) / count;
        string Part(int i) => Select + $"WHERE \"Id\" BETWEEN {first + i * size} AND {Math.Min(first + (i + 1) * size - 1, last)} AND \"Classification\" = 0";
        var others = Enumerable.Range(1, count - 1).Select(i => Task.Run(() =>
        {
            using var reader = OpenReader(path);
            // A read transaction, so the part is read from one snapshot.
            Check(raw.sqlite3_exec(reader, "BEGIN"), reader);
            var tally = new CountryMonthTally(Reserve(size));
            Scan(reader, Part(i), null, wanted, null, tally);
            Check(raw.sqlite3_exec(reader, "COMMIT"), reader);
            return tally;
        })).ToList();
        var result = new CountryMonthTally(Reserve(last - first + 1));
        try
        {
            Scan(db, Part(0), null, wanted, null, result);
        }
        finally
        {
            // The readers finish (and close their connections) whatever happened here.
            Task.WaitAll(others);
        }
        foreach (var other in others) result.Merge(other.Result);
        return result;
    }

    /// <summary>The room for the spread's (group, area) pairs: one per event expected.</summary>
    private static int Reserve(long events) => (int)Math.Clamp(events, 0, 50_000_000);

    /// <summary>
    /// The scan itself, in its own method compiled with full optimization at once (no tiering): it runs once per
    /// recompute, a million times round its loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scan(sqlite3 db, string sql, List<string>? bind, int wanted, HashSet<int>? countries, CountryMonthTally tally)
    {
        Check(raw.sqlite3_prepare_v2(db, sql, out var stmt), db);
        using (stmt)
        {
            if (bind is not null)
                for (var i = 0; i < bind.Count; i++) Check(raw.sqlite3_bind_text(stmt, i + 1, bind[i]), db);
            var row = new SqliteNative.Statement(stmt);
            int rc;
            while ((rc = row.Step()) == raw.SQLITE_ROW)
            {
                var ds = DatasetIndex(row.ColumnText(0));
                if (ds < 0 || (wanted >= 0 && ds != wanted)) continue;
                var country = CountryMonthTally.Pack(row.ColumnText(1));
                if (countries is not null && !countries.Contains(country)) continue;
                tally.Add(ds, country, YearMonth(row.ColumnText(2)), (ViolenceType)row.ColumnInt(3), row.ColumnInt(4),
                    row.TryColumnText(5, out var admin1) ? CountryMonthTally.Hash(admin1) : null);
            }
            if (rc != raw.SQLITE_DONE) Check(rc, db);
        }
    }

    /// <summary>
    /// A read-only connection to the same file. NOMUTEX: it is used by one thread only, so SQLite need not take its mutex
    /// on every call (each column read did).
    /// </summary>
    private static sqlite3 OpenReader(string path) => Open(path, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX);

    private static sqlite3 Open(string path, int flags)
    {
        var rc = raw.sqlite3_open_v2(path, out var connection, flags, null);
        if (rc != raw.SQLITE_OK)
        {
            using (connection) SqliteException.ThrowExceptionForRC(rc, connection);
        }
        return connection;
    }

    /// <summary>
    /// Whether some connection holds the write lock of the file: a connection of its own fails to take it (busy at once,
    /// with no busy timeout). Should it get the lock, it lets it go.
    /// </summary>
    private static bool WriteLockHeld(string path)
    {
        using var probe = Open(path, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX);
        var rc = raw.sqlite3_exec(probe, "BEGIN IMMEDIATE");
        if (rc == raw.SQLITE_OK) raw.sqlite3_exec(probe, "ROLLBACK");
        return rc == raw.SQLITE_BUSY;
    }

    /// <summary>The first and last rowid of the events (0, -1 when there are none).</summary>
    private static (long First, long Last) IdRange(sqlite3 db)
    {
        // Two subqueries: SQLite answers a lone MIN or MAX of the rowid from the b-tree's ends, but both in one query by a scan.
        Check(raw.sqlite3_prepare_v2(db, """
            SELECT COALESCE((SELECT MIN("Id") FROM "ConflictEvents"), 0), COALESCE((SELECT MAX("Id") FROM "ConflictEvents"), -1)
            """, out var stmt), db);
        using (stmt)
        {
            Check(raw.sqlite3_step(stmt), db);
            return (raw.sqlite3_column_int64(stmt, 0), raw.sqlite3_column_int64(stmt, 1));
        }
    }

    private static int DatasetIndex(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < DatasetBytes.Length; i++)
            if (name.SequenceEqual(DatasetBytes[i])) return i;
        return -1;
    }

    /// <summary>'yyyy-MM-dd' (EF's text form of a DateOnly) as yyyyMM.</summary>
    public static int YearMonth(ReadOnlySpan<byte> day) =>
        ((day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0')) * 100 + (day[5] - '0') * 10 + (day[6] - '0');

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
