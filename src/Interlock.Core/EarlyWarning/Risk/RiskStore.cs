using System.Buffers;
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
/// Writes the recompute's rows in bulk inside the caller's transaction: on SQLite one prepared statement bound through
/// <see cref="SqliteNative"/>, on PostgreSQL binary COPY. Replaces the derived indicator values and the risk rows of
/// the given countries (all when null); reported indicator values (observations) are never touched.
/// Values are written in EF's own storage formats, so EF reads them back as it wrote them.
/// </summary>
internal static class RiskStore
{
    private static readonly string DerivedCodes = string.Join(", ", DerivedIndicators.Codes.Select(c => $"'{c}'"));

    public static async Task ReplaceAsync(InterlockDbContext db, DbTransaction transaction, HashSet<string>? countries,
        List<IndicatorValue> values, List<CountryRisk> risks, CancellationToken ct)
    {
        var only = countries is null ? "" : $" AND \"CountryIso3\" IN ({string.Join(", ", countries.Select(c => $"'{Iso3(c)}'"))})";
        await using (var delete = transaction.Connection!.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"""
                DELETE FROM "IndicatorValues" WHERE "IndicatorCode" IN ({DerivedCodes}){only};
                DELETE FROM "CountryRisks" WHERE 1 = 1{only};
                """;
            await delete.ExecuteNonQueryAsync(ct);
        }
        if (db.Database.IsNpgsql()) await CopyAsync((NpgsqlConnection)transaction.Connection!, values, risks, ct);
        else InsertSqlite((SqliteConnection)transaction.Connection!, values, risks);
    }

    /// <summary>Codes go into the SQL text (a list of up to ~200 countries): only three capital letters are accepted.</summary>
    private static string Iso3(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? code : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    private static void InsertSqlite(SqliteConnection connection, List<IndicatorValue> values, List<CountryRisk> risks)
    {
        var db = connection.Handle!;
        var text = new TextBinder();
        Check(raw.sqlite3_prepare_v2(db, """
            INSERT INTO "IndicatorValues" ("IndicatorCode", "CountryIso3", "Month", "Value", "Level", "Reason", "OwnerOrganizationId", "Classification", "ComputedAt")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """, out var insertValue), db);
        using (insertValue)
        {
            var s = new SqliteNative.Statement(insertValue);
            string? owner = null, computed = null;
            foreach (var v in values)
            {
                owner ??= v.OwnerOrganizationId.ToString().ToUpperInvariant();
                computed ??= SqliteTime(v.ComputedAt);
                Check(text.Bind(s, 1, v.IndicatorCode), db);
                Check(text.Bind(s, 2, v.CountryIso3), db);
                Check(text.Bind(s, 3, SqliteMonth(v.Month)), db);
                Check(s.Double(4, v.Value), db);
                Check(s.Int(5, (int)v.Level), db);
                Check(v.Reason is null ? s.Null(6) : text.Bind(s, 6, v.Reason), db);
                Check(text.Bind(s, 7, owner), db);
                Check(s.Int(8, (int)v.Classification), db);
                Check(text.Bind(s, 9, computed), db);
                Step(s, db);
            }
        }
        Check(raw.sqlite3_prepare_v2(db, """
            INSERT INTO "CountryRisks" ("CountryIso3", "Month", "Level", "Reasons", "ComputedAt") VALUES (?1, ?2, ?3, ?4, ?5)
            """, out var insertRisk), db);
        using (insertRisk)
        {
            var s = new SqliteNative.Statement(insertRisk);
            foreach (var r in risks)
            {
                Check(text.Bind(s, 1, r.CountryIso3), db);
                Check(text.Bind(s, 2, SqliteMonth(r.Month)), db);
                Check(s.Int(3, (int)r.Level), db);
                Check(text.Bind(s, 4, JsonSerializer.Serialize(r.Reasons)), db);
                Check(text.Bind(s, 5, SqliteTime(r.ComputedAt)), db);
                Step(s, db);
            }
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<IndicatorValue> values, List<CountryRisk> risks, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "IndicatorValues" ("IndicatorCode", "CountryIso3", "Month", "Value", "Level", "Reason", "OwnerOrganizationId", "Classification", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var v in values)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(v.IndicatorCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(v.CountryIso3, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(v.Month, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(v.Value, NpgsqlDbType.Double, ct);
                await copy.WriteAsync((short)v.Level, NpgsqlDbType.Smallint, ct);
                if (v.Reason is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(v.Reason, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(v.OwnerOrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync((int)v.Classification, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(v.ComputedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "CountryRisks" ("CountryIso3", "Month", "Level", "Reasons", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in risks)
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
    }

    internal static string SqliteMonth(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>EF Core's SQLite text form of a DateTimeOffset.</summary>
    internal static string SqliteTime(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void Step(SqliteNative.Statement s, sqlite3 db)
    {
        var rc = s.Step();
        s.Reset();
        if (rc != raw.SQLITE_DONE) Check(rc, db);
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>UTF-8 encoding into one reused buffer (SQLite copies the bytes when binding).</summary>
    private sealed class TextBinder
    {
        private byte[] _buffer = new byte[1024];

        public int Bind(SqliteNative.Statement s, int index, string value)
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
            var n = Encoding.UTF8.GetBytes(value, _buffer);
            return s.Text(index, _buffer.AsSpan(0, n));
        }
    }
}
