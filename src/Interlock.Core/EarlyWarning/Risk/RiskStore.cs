using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// Writes the recompute's rows in bulk inside the caller's transaction: on SQLite prepared statements bound through
/// <see cref="SqliteNative"/>, on PostgreSQL binary COPY. Replaces the derived indicator values and the risk rows of
/// the given countries (all when null); reported indicator values (observations) are never touched. Rows are written
/// country by country, so those of all countries are never held at once (a million events make about a million
/// indicator values). Values are written in EF's own storage formats, so EF reads them back as it wrote them.
/// </summary>
internal abstract class RiskStore : IAsyncDisposable
{
    private static readonly string DerivedCodes = string.Join(", ", DerivedIndicators.Codes.Select(c => $"'{c}'"));

    /// <summary>Deletes the rows to be replaced and returns the writer of the new ones.</summary>
    public static async Task<RiskStore> BeginAsync(InterlockDbContext db, DbTransaction transaction, HashSet<string>? countries, CancellationToken ct)
    {
        var only = countries is null ? "" : $" AND \"CountryIso3\" IN ({string.Join(", ", countries.Select(c => $"'{Iso3(c)}'"))})";
        var sqlite = db.Database.IsNpgsql() ? null : await SqliteRiskStore.PrepareAsync((SqliteConnection)transaction.Connection!, transaction, full: countries is null, ct);
        await using (var delete = transaction.Connection!.CreateCommand())
        {
            delete.Transaction = transaction;
            // A full recompute without reported values deletes whole tables: SQLite then drops the pages at once
            // (its truncate optimization) instead of deleting row by row.
            delete.CommandText = $"""SELECT COUNT(*) FROM (SELECT 1 FROM "IndicatorValues" WHERE "IndicatorCode" NOT IN ({DerivedCodes}) LIMIT 1) x""";
            var reported = Convert.ToInt64(await delete.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
            delete.CommandText = countries is null
                ? (reported ? $"""DELETE FROM "IndicatorValues" WHERE "IndicatorCode" IN ({DerivedCodes});""" : """DELETE FROM "IndicatorValues";""") +
                  """DELETE FROM "CountryRisks";"""
                : $"""
                   DELETE FROM "IndicatorValues" WHERE "IndicatorCode" IN ({DerivedCodes}){only};
                   DELETE FROM "CountryRisks" WHERE 1 = 1{only};
                   """;
            await delete.ExecuteNonQueryAsync(ct);
        }
        return db.Database.IsNpgsql()
            ? await PostgresRiskStore.StartAsync((NpgsqlConnection)transaction.Connection!, ct)
            : sqlite!;
    }

    public abstract ValueTask WriteAsync(List<IndicatorValue> values, List<CountryRisk> risks, CancellationToken ct);

    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Codes go into the SQL text (a list of up to ~200 countries): only three capital letters are accepted.</summary>
    private static string Iso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? code : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    internal static string SqliteMonth(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>EF Core's SQLite text form of a DateTimeOffset.</summary>
    internal static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

/// <summary>SQLite: two prepared statements bound through <see cref="SqliteNative"/> (no SafeHandle per call).</summary>
internal sealed class SqliteRiskStore : RiskStore
{
    private readonly SqliteConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _values, _risks;
    private readonly string _cacheSize;
    private readonly List<string> _droppedIndexes;
    private byte[] _buffer = new byte[1024];

    /// <summary>
    /// A 64 MB page cache while writing (the default 2 MB made every index insert a page miss); for a full recompute the
    /// indexes of IndicatorValues are dropped and rebuilt from their own SQL afterwards: one sort each instead of
    /// hundreds of thousands of inserts at random places. In the transaction, so a failure restores them.
    /// </summary>
    public static async Task<SqliteRiskStore> PrepareAsync(SqliteConnection connection, DbTransaction transaction, bool full, CancellationToken ct)
    {
        var cache = (await ScalarAsync(connection, transaction, "PRAGMA cache_size", ct))!;
        await ExecuteAsync(connection, transaction, "PRAGMA cache_size = -65536", ct);
        var dropped = new List<string>();
        if (full)
        {
            var indexes = new List<(string Name, string Sql)>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = (SqliteTransaction)transaction;
                cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'IndicatorValues' AND sql IS NOT NULL";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) indexes.Add((r.GetString(0), r.GetString(1)));
            }
            foreach (var (name, sql) in indexes)
            {
                await ExecuteAsync(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"")}\"", ct);
                dropped.Add(sql);
            }
        }
        return new SqliteRiskStore(connection, transaction, cache, dropped);
    }

    private SqliteRiskStore(SqliteConnection connection, DbTransaction transaction, string cacheSize, List<string> droppedIndexes)
    {
        _connection = connection;
        _transaction = transaction;
        _cacheSize = cacheSize;
        _droppedIndexes = droppedIndexes;
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, """
            INSERT INTO "IndicatorValues" ("IndicatorCode", "CountryIso3", "Month", "Value", "Level", "Reason", "OwnerOrganizationId", "Classification", "ComputedAt")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, out _values));
        Check(raw.sqlite3_prepare_v2(_db, """
            INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "Reasons", "ComputedAt") VALUES (?1, ?2, ?3, ?4, ?5)
            """, out _risks));
    }

    public override ValueTask WriteAsync(List<IndicatorValue> values, List<CountryRisk> risks, CancellationToken ct)
    {
        var s = new SqliteNative.Statement(_values);
        string? owner = null, computed = null;
        foreach (var v in values)
        {
            owner ??= v.OwnerOrganizationId.ToString().ToUpperInvariant();
            computed ??= SqliteTime(v.ComputedAt);
            Check(Text(s, 1, v.IndicatorCode));
            Check(Text(s, 2, v.CountryIso3));
            Check(Text(s, 3, SqliteMonth(v.Month)));
            Check(s.Double(4, v.Value));
            Check(s.Int(5, (int)v.Level));
            Check(v.Reason is null ? s.Null(6) : Text(s, 6, v.Reason));
            Check(Text(s, 7, owner));
            Check(s.Int(8, (int)v.Classification));
            Check(Text(s, 9, computed));
            Step(s);
        }
        var r = new SqliteNative.Statement(_risks);
        foreach (var risk in risks)
        {
            Check(Text(r, 1, risk.CountryIso3));
            Check(Text(r, 2, SqliteMonth(risk.Month)));
            Check(r.Int(3, (int)risk.Level));
            Check(Text(r, 4, JsonSerializer.Serialize(risk.Reasons)));
            Check(Text(r, 5, SqliteTime(risk.ComputedAt)));
            Step(r);
        }
        return ValueTask.CompletedTask;
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var sql in _droppedIndexes) await ExecuteAsync(_connection, _transaction, sql, ct);
        _droppedIndexes.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        _values.Dispose();
        _risks.Dispose();
        await ExecuteAsync(_connection, _transaction, $"PRAGMA cache_size = {long.Parse(_cacheSize, CultureInfo.InvariantCulture)}", default);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction)transaction;
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction)transaction;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>UTF-8 into one reused buffer: SQLite copies the bytes when binding.</summary>
    private int Text(SqliteNative.Statement s, int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var n = Encoding.UTF8.GetBytes(value, _buffer);
        return s.Text(index, _buffer.AsSpan(0, n));
    }

    private void Step(SqliteNative.Statement s)
    {
        var rc = s.Step();
        s.Reset();
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>PostgreSQL: the indicator values stream through one binary COPY; the risk rows (one per country-month) follow in a second.</summary>
internal sealed class PostgresRiskStore : RiskStore
{
    private readonly NpgsqlConnection _connection;
    private readonly List<CountryRisk> _risks = [];
    private NpgsqlBinaryImporter? _copy;

    private PostgresRiskStore(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresRiskStore> StartAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var store = new PostgresRiskStore(connection);
        store._copy = await connection.BeginBinaryImportAsync("""
            COPY "IndicatorValues" ("IndicatorCode", "CountryIso3", "Month", "Value", "Level", "Reason", "OwnerOrganizationId", "Classification", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """, ct);
        return store;
    }

    public override async ValueTask WriteAsync(List<IndicatorValue> values, List<CountryRisk> risks, CancellationToken ct)
    {
        foreach (var v in values)
        {
            await _copy!.StartRowAsync(ct);
            await _copy.WriteAsync(v.IndicatorCode, NpgsqlDbType.Varchar, ct);
            await _copy.WriteAsync(v.CountryIso3, NpgsqlDbType.Varchar, ct);
            await _copy.WriteAsync(v.Month, NpgsqlDbType.Date, ct);
            await _copy.WriteAsync(v.Value, NpgsqlDbType.Double, ct);
            await _copy.WriteAsync((short)v.Level, NpgsqlDbType.Smallint, ct);
            if (v.Reason is null) await _copy.WriteNullAsync(ct); else await _copy.WriteAsync(v.Reason, NpgsqlDbType.Varchar, ct);
            await _copy.WriteAsync(v.OwnerOrganizationId, NpgsqlDbType.Uuid, ct);
            await _copy.WriteAsync((int)v.Classification, NpgsqlDbType.Integer, ct);
            await _copy.WriteAsync(v.ComputedAt, NpgsqlDbType.TimestampTz, ct);
        }
        _risks.AddRange(risks);
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        await using var copy = await _connection.BeginBinaryImportAsync("""
            COPY "CountryRisks" ("CountryIso3", "Month", "Level", "Reasons", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var r in _risks)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
            await copy.WriteAsync((short)r.Level, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(r.Reasons, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.ComputedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        // Ends a COPY left open by an error, so the connection can roll back.
        if (_copy is not null) await _copy.DisposeAsync();
    }
}
