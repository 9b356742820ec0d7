using System.Data.Common;
using System.Globalization;
using System.Text;
using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// Stores the recompute's risk levels inside the caller's transaction, for the given countries (all when null): a level
/// that is what was stored is left as it is (with its <see cref="CountryRisk.ComputedAt"/>: the time the level was
/// set), a different one is updated, a new one inserted, and a stored level the recompute no longer gives deleted. A
/// recompute that changes nothing writes nothing. The stored levels of the scope are read first and compared here, one
/// rule for both databases; each applies the changes its own way: SQLite through prepared statements
/// (<see cref="SqliteNative"/>), PostgreSQL by binary COPY into temporary tables and one statement each. Values are
/// written in EF's own storage formats, so EF reads them back as it wrote them.
/// </summary>
internal abstract class RiskStore
{
    /// <summary>The stored levels not yet met, by <see cref="Key"/>.</summary>
    private readonly Dictionary<long, RiskLevel> _stored = [];
    private readonly List<CountryRisk> _inserts = [], _updates = [];

    /// <summary>The writer of the levels of <paramref name="countries"/> (all when null), with their stored levels read.</summary>
    public static async Task<RiskStore> BeginAsync(InterlockDbContext db, DbTransaction transaction, HashSet<string>? countries, CancellationToken ct)
    {
        var scope = countries is null ? null : $""" "CountryIso3" IN ({string.Join(", ", countries.Select(c => $"'{Iso3(c)}'"))})""";
        RiskStore store = db.Database.IsNpgsql()
            ? new PostgresRiskStore((NpgsqlConnection)transaction.Connection!)
            : new SqliteRiskStore((SqliteConnection)transaction.Connection!);
        await store.ReadStoredAsync(scope, ct);
        return store;
    }

    /// <summary>A country-month in one long: the packed ISO alpha-3 code, then yyyyMM.</summary>
    protected static long Key(string iso3, DateOnly month) => (long)EarlyWarning.CountryMonthTally.Pack(iso3) << 32 | (uint)(month.Year * 100 + month.Month);

    protected static (string Iso3, DateOnly Month) FromKey(long key)
    {
        var yearMonth = (int)(key & 0xFFFFFFFF);
        return (EarlyWarning.CountryMonthTally.Unpack((int)(key >> 32)), new DateOnly(yearMonth / 100, yearMonth % 100, 1));
    }

    protected void Stored(string iso3, DateOnly month, RiskLevel level) => _stored[Key(iso3, month)] = level;

    /// <summary>Reads the stored levels that <paramref name="scope"/> selects (all when null) through <see cref="Stored"/>.</summary>
    protected abstract Task ReadStoredAsync(string? scope, CancellationToken ct);

    /// <summary>Writes the changes; returns how many rows they are.</summary>
    protected abstract Task<int> ApplyAsync(List<CountryRisk> inserts, List<CountryRisk> updates, List<(string Iso3, DateOnly Month)> deletes,
        CancellationToken ct);

    /// <summary>Computed levels, in (country, month) order.</summary>
    public void Add(List<CountryRisk> risks)
    {
        foreach (var risk in risks)
        {
            if (!_stored.Remove(Key(risk.CountryIso3, risk.Month), out var level)) _inserts.Add(risk);
            else if (level != risk.Level) _updates.Add(risk);
        }
    }

    /// <summary>Writes what changed, deleting the stored levels of the scope that were not computed; returns how many rows changed.</summary>
    public async Task<int> CompleteAsync(CancellationToken ct)
    {
        var deletes = _stored.Keys.Order().Select(FromKey).ToList();
        _stored.Clear();
        return _inserts.Count + _updates.Count + deletes.Count == 0 ? 0 : await ApplyAsync(_inserts, _updates, deletes, ct);
    }

    /// <summary>Codes go into the SQL text (a list of up to ~200 countries): only three capital letters are accepted.</summary>
    private static string Iso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? code : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    internal static string SqliteMonth(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>EF Core's SQLite text form of a DateTimeOffset.</summary>
    internal static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

/// <summary>SQLite: the stored levels by the native statement, the changes through prepared statements (no SafeHandle per call).</summary>
internal sealed class SqliteRiskStore(SqliteConnection connection) : RiskStore
{
    private readonly sqlite3 _db = connection.Handle!;
    private readonly Dictionary<DateOnly, byte[]> _months = [];

    protected override Task ReadStoredAsync(string? scope, CancellationToken ct)
    {
        // The table itself, in rowid order, when all levels are read: through an index, each row would be a seek.
        Check(raw.sqlite3_prepare_v2(_db, """SELECT "CountryIso3", "Month", "Level" FROM "CountryRisks" """ +
                                          (scope is null ? "NOT INDEXED" : "WHERE" + scope), out var read));
        using (read)
        {
            var row = new SqliteNative.Statement(read);
            var codes = new Dictionary<int, string>();
            int rc;
            while ((rc = row.Step()) == raw.SQLITE_ROW)
            {
                var packed = EarlyWarning.CountryMonthTally.Pack(row.ColumnText(0));
                if (!codes.TryGetValue(packed, out var iso3)) codes[packed] = iso3 = EarlyWarning.CountryMonthTally.Unpack(packed);
                var yearMonth = SqliteEventScan.YearMonth(row.ColumnText(1));
                Stored(iso3, new DateOnly(yearMonth / 100, yearMonth % 100, 1), (RiskLevel)row.ColumnInt(2));
            }
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        return Task.CompletedTask;
    }

    protected override Task<int> ApplyAsync(List<CountryRisk> inserts, List<CountryRisk> updates, List<(string Iso3, DateOnly Month)> deletes,
        CancellationToken ct)
    {
        Run("""DELETE FROM "CountryRisks" WHERE "CountryIso3" = ?1 AND "Month" = ?2""", deletes, null);
        Run("""UPDATE "CountryRisks" SET "Level" = ?3, "ComputedAt" = ?4 WHERE "CountryIso3" = ?1 AND "Month" = ?2""",
            updates.Select(r => (r.CountryIso3, r.Month)).ToList(), updates);
        Run("""INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt") VALUES (?1, ?2, ?3, ?4)""",
            inserts.Select(r => (r.CountryIso3, r.Month)).ToList(), inserts);
        return Task.FromResult(inserts.Count + updates.Count + deletes.Count);
    }

    /// <summary>Runs <paramref name="sql"/> once per key (?1, ?2), with the level and its time (?3, ?4) from <paramref name="risks"/> when given.</summary>
    private void Run(string sql, List<(string Iso3, DateOnly Month)> keys, List<CountryRisk>? risks)
    {
        if (keys.Count == 0) return;
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        using (statement)
        {
            var s = new SqliteNative.Statement(statement);
            Span<byte> iso3 = stackalloc byte[3];
            (DateTimeOffset Time, byte[] Text)? computedAt = null;
            for (var i = 0; i < keys.Count; i++)
            {
                Encoding.ASCII.GetBytes(keys[i].Iso3, iso3);
                Check(s.Text(1, iso3));
                Check(s.Text(2, Month(keys[i].Month)));
                if (risks is not null)
                {
                    Check(s.Int(3, (int)risks[i].Level));
                    if (computedAt?.Time != risks[i].ComputedAt) computedAt = (risks[i].ComputedAt, Encoding.UTF8.GetBytes(SqliteTime(risks[i].ComputedAt)));
                    Check(s.Text(4, computedAt.Value.Text));
                }
                var rc = s.Step();
                s.Reset();
                if (rc != raw.SQLITE_DONE) Check(rc);
            }
        }
    }

    private byte[] Month(DateOnly month) =>
        _months.TryGetValue(month, out var text) ? text : _months[month] = Encoding.UTF8.GetBytes(SqliteMonth(month));

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>PostgreSQL: the stored levels by a plain reader; the changes by binary COPY into temporary tables, then one statement each.</summary>
internal sealed class PostgresRiskStore(NpgsqlConnection connection) : RiskStore
{
    protected override async Task ReadStoredAsync(string? scope, CancellationToken ct)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = """SELECT "CountryIso3", "Month", "Level" FROM "CountryRisks" """ + (scope is null ? "" : "WHERE" + scope);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(0);
            if (!codes.TryGetValue(code, out var iso3)) codes[code] = iso3 = code;
            Stored(iso3, reader.GetFieldValue<DateOnly>(1), (RiskLevel)reader.GetInt16(2));
        }
    }

    protected override async Task<int> ApplyAsync(List<CountryRisk> inserts, List<CountryRisk> updates, List<(string Iso3, DateOnly Month)> deletes,
        CancellationToken ct)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                DROP TABLE IF EXISTS cr_new; DROP TABLE IF EXISTS cr_gone;
                CREATE TEMP TABLE cr_new ("CountryIso3" varchar(3) NOT NULL, "Month" date NOT NULL, "Level" smallint NOT NULL, "ComputedAt" timestamptz NOT NULL) ON COMMIT DROP;
                CREATE TEMP TABLE cr_gone ("CountryIso3" varchar(3) NOT NULL, "Month" date NOT NULL) ON COMMIT DROP;
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY cr_new ("CountryIso3", "Month", "Level", "ComputedAt") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var r in inserts.Concat(updates))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
                await copy.WriteAsync((short)r.Level, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(r.ComputedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY cr_gone ("CountryIso3", "Month") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (iso3, month) in deletes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(iso3, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(month, NpgsqlDbType.Date, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var apply = connection.CreateCommand();
        apply.CommandText = """
            DELETE FROM "CountryRisks" t USING cr_gone g WHERE t."CountryIso3" = g."CountryIso3" AND t."Month" = g."Month";
            UPDATE "CountryRisks" t SET "Level" = n."Level", "ComputedAt" = n."ComputedAt" FROM cr_new n
            WHERE t."CountryIso3" = n."CountryIso3" AND t."Month" = n."Month";
            INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt")
            SELECT n."CountryIso3", n."Month", n."Level", n."ComputedAt" FROM cr_new n
            WHERE NOT EXISTS (SELECT 1 FROM "CountryRisks" t WHERE t."CountryIso3" = n."CountryIso3" AND t."Month" = n."Month")
            ORDER BY n."CountryIso3", n."Month";
            DROP TABLE cr_new; DROP TABLE cr_gone;
            """;
        return await apply.ExecuteNonQueryAsync(ct);
    }
}
