using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Interlock.EarlyWarning;

/// <summary>
/// SQLite's fast path: one prepared INSERT ... ON CONFLICT DO UPDATE ... WHERE (something changed), executed for
/// every row inside the importer's single transaction on the DbContext's own connection. The statement is compiled
/// once and only re-bound; an unchanged row costs a lookup in the unique index and no write. Temporary triggers note
/// which country-months each inserted or changed event leaves and enters.
/// </summary>
internal sealed class SqliteEventWriter(SqliteConnection connection, SqliteTransaction transaction) : IEventWriter
{
    internal static readonly string[] Columns =
        ["CountryIso3", "Admin1", "DateStart", "DateEnd", "ViolenceType", "Best", "Low", "High", "Latitude", "Longitude", "SideA", "SideB"];

    private SqliteCommand? _upsert;
    private SqliteParameter _id = null!;
    private SqliteParameter[] _values = null!;
    private readonly Dictionary<DateOnly, string> _days = [];
    private string _dataset = "";
    private long _countBefore;
    private long _changed;

    public async Task BeginAsync(string dataset, long batchId, Guid owner, CancellationToken ct)
    {
        _dataset = dataset;
        await ExecuteAsync($"""
            CREATE TEMP TABLE IF NOT EXISTS cm_touched (iso3 TEXT NOT NULL, month TEXT NOT NULL, PRIMARY KEY (iso3, month)) WITHOUT ROWID;
            DELETE FROM temp.cm_touched;
            DROP TRIGGER IF EXISTS temp.cm_touch_insert;
            DROP TRIGGER IF EXISTS temp.cm_touch_update;
            CREATE TEMP TRIGGER cm_touch_insert AFTER INSERT ON main."ConflictEvents" BEGIN
              {Touch("NEW")}
            END;
            CREATE TEMP TRIGGER cm_touch_update AFTER UPDATE ON main."ConflictEvents" BEGIN
              {Touch("OLD")}
              {Touch("NEW")}
            END;
            """, ct);
        _countBefore = await CountAsync(ct);

        var all = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", Columns.Select((_, i) => $"$v{i}"));
        var set = string.Join(", ", Columns.Select(c => $"\"{c}\" = excluded.\"{c}\""));
        var changed = string.Join(" OR ", Columns.Select(c => $"\"{c}\" IS NOT excluded.\"{c}\""));
        _upsert = connection.CreateCommand();
        _upsert.Transaction = transaction;
        _upsert.CommandText = $"""
            INSERT INTO "ConflictEvents" ("Dataset", "SourceEventId", {all}, "ImportBatchId", "OwnerOrganizationId", "Classification")
            VALUES ($dataset, $id, {values}, $batch, $owner, 0)
            ON CONFLICT ("Dataset", "SourceEventId") DO UPDATE SET {set}, "ImportBatchId" = excluded."ImportBatchId"
            WHERE {changed}
            """;
        _upsert.Parameters.AddWithValue("$dataset", dataset);
        _upsert.Parameters.AddWithValue("$batch", batchId);
        // EF Core stores a Guid on SQLite as upper-case text; written the same way so EF's queries match.
        _upsert.Parameters.AddWithValue("$owner", owner.ToString().ToUpperInvariant());
        _id = _upsert.Parameters.Add("$id", SqliteType.Text);
        _values = Columns.Select((_, i) => _upsert.Parameters.Add($"$v{i}", SqliteType.Text)).ToArray();
        _values[4].SqliteType = _values[5].SqliteType = _values[6].SqliteType = _values[7].SqliteType = SqliteType.Integer;
        _values[8].SqliteType = _values[9].SqliteType = SqliteType.Real;
        _upsert.Prepare();
    }

    /// <summary>
    /// Notes a row's country-month. Not INSERT OR IGNORE: inside a trigger the outer upsert's conflict handling would
    /// replace the IGNORE, and a second event of the same month would fail on the key.
    /// </summary>
    private static string Touch(string row) => $"""
        INSERT INTO temp.cm_touched SELECT {row}."CountryIso3", substr({row}."DateStart", 1, 8) || '01'
          WHERE NOT EXISTS (SELECT 1 FROM temp.cm_touched WHERE iso3 = {row}."CountryIso3" AND month = substr({row}."DateStart", 1, 8) || '01');
        """;

    public Task WriteAsync(ArraySegment<ParsedEvent> batch, CancellationToken ct)
    {
        var v = _values;
        foreach (ref readonly var e in batch.AsSpan())
        {
            _id.Value = e.SourceEventId;
            v[0].Value = e.CountryIso3;
            v[1].Value = (object?)e.Admin1 ?? DBNull.Value;
            v[2].Value = Day(e.DateStart);
            v[3].Value = Day(e.DateEnd);
            v[4].Value = (int)e.ViolenceType;
            v[5].Value = e.Best;
            v[6].Value = e.Low;
            v[7].Value = e.High;
            v[8].Value = e.Latitude is { } lat ? lat : DBNull.Value;
            v[9].Value = e.Longitude is { } lon ? lon : DBNull.Value;
            v[10].Value = (object?)e.SideA ?? DBNull.Value;
            v[11].Value = (object?)e.SideB ?? DBNull.Value;
            _changed += _upsert!.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public async Task<(int Inserted, int Updated)> FinishAsync(CancellationToken ct)
    {
        var inserted = (int)(await CountAsync(ct) - _countBefore);
        return (inserted, (int)_changed - inserted);
    }

    public Task EndAsync(CancellationToken ct) => ExecuteAsync("""
        DROP TRIGGER IF EXISTS temp.cm_touch_insert;
        DROP TRIGGER IF EXISTS temp.cm_touch_update;
        DROP TABLE IF EXISTS temp.cm_touched;
        """, ct);

    public async ValueTask DisposeAsync()
    {
        if (_upsert is null) return;
        var upsert = _upsert;
        _upsert = null;
        await upsert.DisposeAsync();
    }

    /// <summary>EF Core's text form of a DateOnly on SQLite; the few thousand distinct days are formatted once.</summary>
    private string Day(DateOnly d)
    {
        if (_days.TryGetValue(d, out var s)) return s;
        return _days[d] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private async Task<long> CountAsync(CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = """SELECT COUNT(*) FROM "ConflictEvents" WHERE "Dataset" = $d""";
        cmd.Parameters.AddWithValue("$d", _dataset);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
