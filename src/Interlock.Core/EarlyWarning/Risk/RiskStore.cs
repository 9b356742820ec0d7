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
/// Writes the recompute's risk rows in bulk inside the caller's transaction: on SQLite one prepared statement bound
/// through <see cref="SqliteNative"/>, on PostgreSQL binary COPY. Replaces the rows of the given countries (all when
/// null). Values are written in EF's own storage formats, so EF reads them back as it wrote them.
/// </summary>
internal abstract class RiskStore : IAsyncDisposable
{
    /// <summary>Deletes the rows to be replaced and returns the writer of the new ones.</summary>
    public static async Task<RiskStore> BeginAsync(InterlockDbContext db, DbTransaction transaction, HashSet<string>? countries, CancellationToken ct)
    {
        await using (var delete = transaction.Connection!.CreateCommand())
        {
            delete.Transaction = transaction;
            // A full recompute deletes the whole table: SQLite then drops the pages at once (its truncate optimization).
            delete.CommandText = countries is null
                ? """DELETE FROM "CountryRisks";"""
                : $"""DELETE FROM "CountryRisks" WHERE "CountryIso3" IN ({string.Join(", ", countries.Select(c => $"'{Iso3(c)}'"))});""";
            await delete.ExecuteNonQueryAsync(ct);
        }
        return db.Database.IsNpgsql()
            ? new PostgresRiskStore((NpgsqlConnection)transaction.Connection!)
            : new SqliteRiskStore((SqliteConnection)transaction.Connection!);
    }

    public abstract ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct);

    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Codes go into the SQL text (a list of up to ~200 countries): only three capital letters are accepted.</summary>
    private static string Iso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? code : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    internal static string SqliteMonth(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>EF Core's SQLite text form of a DateTimeOffset.</summary>
    internal static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

/// <summary>SQLite: one prepared statement bound through <see cref="SqliteNative"/> (no SafeHandle per call).</summary>
internal sealed class SqliteRiskStore : RiskStore
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _risks;
    private byte[] _buffer = new byte[1024];
    private string? _computedAt;
    private readonly Dictionary<DateOnly, byte[]> _months = [];

    public SqliteRiskStore(SqliteConnection connection)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, """
            INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt") VALUES (?1, ?2, ?3, ?4)
            """, out _risks));
    }

    public override ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct)
    {
        var r = new SqliteNative.Statement(_risks);
        foreach (var risk in risks)
        {
            _computedAt ??= SqliteTime(risk.ComputedAt);
            Check(Text(r, 1, risk.CountryIso3));
            if (!_months.TryGetValue(risk.Month, out var month)) _months[risk.Month] = month = Encoding.UTF8.GetBytes(SqliteMonth(risk.Month));
            Check(r.Text(2, month));
            Check(r.Int(3, (int)risk.Level));
            Check(Text(r, 4, _computedAt));
            var rc = r.Step();
            r.Reset();
            if (rc != raw.SQLITE_DONE) Check(rc);
        }
        return ValueTask.CompletedTask;
    }

    public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        _risks.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>UTF-8 into one reused buffer: SQLite copies the bytes when binding.</summary>
    private int Text(SqliteNative.Statement s, int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var n = Encoding.UTF8.GetBytes(value, _buffer);
        return s.Text(index, _buffer.AsSpan(0, n));
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}

/// <summary>PostgreSQL: the risk rows stream through one binary COPY.</summary>
internal sealed class PostgresRiskStore(NpgsqlConnection connection) : RiskStore
{
    private NpgsqlBinaryImporter? _copy;

    public override async ValueTask WriteAsync(List<CountryRisk> risks, CancellationToken ct)
    {
        _copy ??= await connection.BeginBinaryImportAsync("""
            COPY "CountryRisks" ("CountryIso3", "Month", "Level", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var r in risks)
        {
            await _copy.StartRowAsync(ct);
            await _copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
            await _copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
            await _copy.WriteAsync((short)r.Level, NpgsqlDbType.Smallint, ct);
            await _copy.WriteAsync(r.ComputedAt, NpgsqlDbType.TimestampTz, ct);
        }
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is null) return;
        await _copy.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
    }

    public override async ValueTask DisposeAsync()
    {
        // Ends a COPY left open by an error, so the connection can roll back.
        if (_copy is not null) await _copy.DisposeAsync();
    }
}
