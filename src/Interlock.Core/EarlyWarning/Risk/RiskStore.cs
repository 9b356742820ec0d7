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
/// Stores the recompute's risk levels in bulk inside the caller's transaction, for the given countries (all when null):
/// a level that is what was stored is left as it is (with its <see cref="CountryRisk.ComputedAt"/>: the time the level
/// was set), a different one is updated, a new one inserted, and a stored level the recompute no longer gives deleted.
/// A recompute that changes nothing writes nothing. On SQLite the stored levels are read and compared here and the
/// changes written through one prepared statement each (<see cref="SqliteNative"/>); on PostgreSQL the levels go by
/// binary COPY into a temporary table and three statements apply the difference. Values are written in EF's own
/// storage formats, so EF reads them back as it wrote them.
/// </summary>
internal abstract class RiskStore : IAsyncDisposable
{
    /// <summary>The writer of the levels of <paramref name="countries"/> (all when null).</summary>
    public static async Task<RiskStore> BeginAsync(InterlockDbContext db, DbTransaction transaction, HashSet<string>? countries, CancellationToken ct)
    {
        var scope = countries is null ? null : $""" "CountryIso3" IN ({string.Join(", ", countries.Select(c => $"'{Iso3(c)}'"))})""";
        return db.Database.IsNpgsql()
            ? await PostgresRiskStore.BeginAsync((NpgsqlConnection)transaction.Connection!, scope, ct)
            : new SqliteRiskStore((SqliteConnection)transaction.Connection!, scope);
    }

    /// <summary>Levels in (country, month) order.</summary>
    public abstract ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct);

    /// <summary>Deletes the stored levels of the scope that were not written, and returns how many rows changed.</summary>
    public abstract Task<int> CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Codes go into the SQL text (a list of up to ~200 countries): only three capital letters are accepted.</summary>
    private static string Iso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? code : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    internal static string SqliteMonth(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>EF Core's SQLite text form of a DateTimeOffset.</summary>
    internal static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

/// <summary>SQLite: the stored levels of the scope in a dictionary, the changes through prepared statements (no SafeHandle per call).</summary>
internal sealed class SqliteRiskStore : RiskStore
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert, _update, _delete;
    /// <summary>The stored levels not yet met, by <see cref="Key"/>.</summary>
    private readonly Dictionary<long, RiskLevel> _stored = [];
    private readonly Dictionary<DateOnly, byte[]> _months = [];
    private byte[]? _computedAt;
    private int _written;

    public SqliteRiskStore(SqliteConnection connection, string? scope)
    {
        _db = connection.Handle!;
        ReadStored(scope);
        Check(raw.sqlite3_prepare_v2(_db, """INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt") VALUES (?1, ?2, ?3, ?4)""", out _insert));
        Check(raw.sqlite3_prepare_v2(_db, """UPDATE "CountryRisks" SET "Level" = ?3, "ComputedAt" = ?4 WHERE "CountryIso3" = ?1 AND "Month" = ?2""", out _update));
        Check(raw.sqlite3_prepare_v2(_db, """DELETE FROM "CountryRisks" WHERE "CountryIso3" = ?1 AND "Month" = ?2""", out _delete));
    }

    /// <summary>A country-month in one long: the packed code, then yyyyMM.</summary>
    private static long Key(int packedIso3, int yearMonth) => (long)packedIso3 << 32 | (uint)yearMonth;

    private void ReadStored(string? scope)
    {
        // The table itself, in rowid order, when all levels are read: through an index, each row would be a seek.
        Check(raw.sqlite3_prepare_v2(_db, """SELECT "CountryIso3", "Month", "Level" FROM "CountryRisks" """ +
                                          (scope is null ? "NOT INDEXED" : "WHERE" + scope), out var read));
        using (read)
        {
            var row = new SqliteNative.Statement(read);
            int rc;
            while ((rc = row.Step()) == raw.SQLITE_ROW)
                _stored[Key(EarlyWarning.CountryMonthTally.Pack(row.ColumnText(0)), SqliteEventScan.YearMonth(row.ColumnText(1)))] = (RiskLevel)row.ColumnInt(2);
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
    }

    public override ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct)
    {
        Span<byte> iso3 = stackalloc byte[3];
        foreach (var risk in risks)
        {
            var packed = EarlyWarning.CountryMonthTally.Pack(risk.CountryIso3);
            var key = Key(packed, risk.Month.Year * 100 + risk.Month.Month);
            var known = _stored.Remove(key, out var level);
            if (known && level == risk.Level) continue;
            _computedAt ??= Encoding.UTF8.GetBytes(SqliteTime(risk.ComputedAt));
            var s = new SqliteNative.Statement(known ? _update : _insert);
            Encoding.ASCII.GetBytes(risk.CountryIso3, iso3);
            Check(s.Text(1, iso3));
            Check(s.Text(2, Month(risk.Month)));
            Check(s.Int(3, (int)risk.Level));
            Check(s.Text(4, _computedAt));
            Step(s);
        }
        return ValueTask.CompletedTask;
    }

    public override Task<int> CompleteAsync(CancellationToken ct)
    {
        var s = new SqliteNative.Statement(_delete);
        foreach (var key in _stored.Keys)
        {
            Check(s.Text(1, Encoding.ASCII.GetBytes(EarlyWarning.CountryMonthTally.Unpack((int)(key >> 32)))));
            var yearMonth = (int)(key & 0xFFFFFFFF);
            Check(s.Text(2, Month(new DateOnly(yearMonth / 100, yearMonth % 100, 1))));
            Step(s);
        }
        _stored.Clear();
        return Task.FromResult(_written);
    }

    private void Step(SqliteNative.Statement s)
    {
        var rc = s.Step();
        s.Reset();
        if (rc != raw.SQLITE_DONE) Check(rc);
        _written++;
    }

    private byte[] Month(DateOnly month) =>
        _months.TryGetValue(month, out var text) ? text : _months[month] = Encoding.UTF8.GetBytes(SqliteMonth(month));

    public override ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _update.Dispose();
        _delete.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>PostgreSQL: the levels stream by binary COPY into <c>cr_new</c>; three statements then apply the difference.</summary>
internal sealed class PostgresRiskStore : RiskStore
{
    private readonly NpgsqlConnection _connection;
    private readonly string? _scope;
    private NpgsqlBinaryImporter? _copy;

    private PostgresRiskStore(NpgsqlConnection connection, string? scope) => (_connection, _scope) = (connection, scope);

    public static async Task<PostgresRiskStore> BeginAsync(NpgsqlConnection connection, string? scope, CancellationToken ct)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                DROP TABLE IF EXISTS cr_new;
                CREATE TEMP TABLE cr_new ("CountryIso3" varchar(3) NOT NULL, "Month" date NOT NULL, "Level" smallint NOT NULL, "ComputedAt" timestamptz NOT NULL) ON COMMIT DROP;
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        var store = new PostgresRiskStore(connection, scope);
        store._copy = await connection.BeginBinaryImportAsync("""COPY cr_new ("CountryIso3", "Month", "Level", "ComputedAt") FROM STDIN (FORMAT BINARY)""", ct);
        return store;
    }

    public override async ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct)
    {
        foreach (var r in risks)
        {
            await _copy!.StartRowAsync(ct);
            await _copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
            await _copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
            await _copy.WriteAsync((short)r.Level, NpgsqlDbType.Smallint, ct);
            await _copy.WriteAsync(r.ComputedAt, NpgsqlDbType.TimestampTz, ct);
        }
    }

    public override async Task<int> CompleteAsync(CancellationToken ct)
    {
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        await using var apply = _connection.CreateCommand();
        apply.CommandText = $"""
            UPDATE "CountryRisks" t SET "Level" = n."Level", "ComputedAt" = n."ComputedAt" FROM cr_new n
            WHERE t."CountryIso3" = n."CountryIso3" AND t."Month" = n."Month" AND t."Level" <> n."Level";
            INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt")
            SELECT n."CountryIso3", n."Month", n."Level", n."ComputedAt" FROM cr_new n
            WHERE NOT EXISTS (SELECT 1 FROM "CountryRisks" t WHERE t."CountryIso3" = n."CountryIso3" AND t."Month" = n."Month")
            ORDER BY n."CountryIso3", n."Month";
            DELETE FROM "CountryRisks" t WHERE {_scope ?? "TRUE"}
              AND NOT EXISTS (SELECT 1 FROM cr_new n WHERE t."CountryIso3" = n."CountryIso3" AND t."Month" = n."Month");
            DROP TABLE cr_new;
            """;
        return await apply.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        // Ends a COPY left open by an error, so the connection can roll back.
        if (_copy is not null) await _copy.DisposeAsync();
    }
}
