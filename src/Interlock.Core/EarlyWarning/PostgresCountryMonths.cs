using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Interlock.EarlyWarning;

/// <summary>
/// The country-month aggregation on PostgreSQL: the public events stream out by binary COPY into the same
/// <see cref="CountryMonthTally"/> as on SQLite, so both databases count alike. In SQL it took two hash aggregations, the
/// first by (series, country, month, area) for the spread, with almost as many groups as events (2.9 s for a million,
/// against 1.2 s for the COPY out). Only what differs from the stored rows is written (<see cref="CountryMonthChanges"/>).
/// </summary>
internal static class PostgresCountryMonths
{
    /// <summary>
    /// Recomputes the series of <paramref name="dataset"/> (every event dataset when null), for the country-months in
    /// <paramref name="only"/> (whose countries are those of the temporary table <c>cm_touched</c>; all when null), in the
    /// connection's current transaction. Returns how many country-months were computed and how many rows were written.
    /// </summary>
    public static async Task<(int CountryMonths, int Written)> RecomputeAsync(NpgsqlConnection connection, string? dataset,
        HashSet<(string Iso3, string Month)>? only, CancellationToken ct)
    {
        var wanted = dataset is null ? -1 : Array.IndexOf(EventDatasets.EventSets, dataset);
        if (dataset is not null && wanted < 0) throw new ArgumentException($"'{dataset}' is not an event dataset.", nameof(dataset));
        // COPY takes no parameters: the dataset is one of the application's names, checked above.
        var where = (dataset is null ? "" : $" AND \"Dataset\" = '{dataset}'") +
                    (only is null ? "" : """ AND "CountryIso3" IN (SELECT DISTINCT iso3 FROM cm_touched)""");
        var tally = new CountryMonthTally();
        await using (var export = await connection.BeginBinaryExportAsync($"""
            COPY (SELECT "Dataset", "CountryIso3", "DateStart", "ViolenceType", "Best", "Admin1" FROM "ConflictEvents"
                  WHERE "Classification" = 0{where}) TO STDOUT (FORMAT BINARY)
            """, ct))
            Read(export, wanted, tally);
        var rows = tally.CountryMonths(only);

        var series = string.Join(", ", (dataset is null ? EventDatasets.EventSets : [dataset]).Select(d => $"'{d}'"));
        var stored = await ReadAsync(connection, $"""WHERE "Series" IN ({series})""" +
            (only is null ? "" : """ AND ("CountryIso3", "Month") IN (SELECT iso3, month FROM cm_touched)"""), null, ct);
        return (only?.Count ?? rows.Count, await WriteAsync(connection, CountryMonthChanges.Between(stored, rows), ct));
    }

    /// <summary>
    /// Applies the changes: the rows to insert or update and the keys to delete go by binary COPY into temporary tables,
    /// then one statement each. Nothing to change, nothing written. Returns the number of rows written.
    /// </summary>
    private static async Task<int> WriteAsync(NpgsqlConnection connection, CountryMonthChanges changes, CancellationToken ct)
    {
        if (changes.Count == 0) return 0;
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                DROP TABLE IF EXISTS cm_new; DROP TABLE IF EXISTS cm_gone;
                CREATE TEMP TABLE cm_new (s varchar(16) NOT NULL, c varchar(3) NOT NULL, m date NOT NULL,
                  sb int NOT NULL, ns int, os int, ot int, n int, a1 int) ON COMMIT DROP;
                CREATE TEMP TABLE cm_gone (s varchar(16) NOT NULL, c varchar(3) NOT NULL, m date NOT NULL) ON COMMIT DROP;
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY cm_new (s, c, m, sb, ns, os, ot, n, a1) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in changes.Inserts.Concat(changes.Updates))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Series, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.StateBased, NpgsqlDbType.Integer, ct);
                foreach (var v in new[] { r.NonState, r.OneSided, r.Other, r.Events, r.Admin1Areas })
                    if (v is { } x) await copy.WriteAsync(x, NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY cm_gone (s, c, m) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in changes.Deletes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Series, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.CountryIso3, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Month, NpgsqlDbType.Date, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var apply = connection.CreateCommand();
        apply.CommandText = """
            DELETE FROM "CountryMonths" t USING cm_gone g WHERE t."Series" = g.s AND t."CountryIso3" = g.c AND t."Month" = g.m;
            UPDATE "CountryMonths" t SET "StateBased" = n.sb, "NonState" = n.ns, "OneSided" = n.os, "Other" = n.ot, "Events" = n.n, "Admin1Areas" = n.a1
            FROM cm_new n WHERE t."Series" = n.s AND t."CountryIso3" = n.c AND t."Month" = n.m;
            INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas")
            SELECT n.s, n.c, n.m, n.sb, n.ns, n.os, n.ot, n.n, n.a1 FROM cm_new n
            WHERE NOT EXISTS (SELECT 1 FROM "CountryMonths" t WHERE t."Series" = n.s AND t."CountryIso3" = n.c AND t."Month" = n.m)
            ORDER BY n.s, n.c, n.m;
            DROP TABLE cm_new; DROP TABLE cm_gone;
            """;
        return await apply.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The country-month rows that <paramref name="where"/> selects (<c>@from</c> bound to <paramref name="from"/> when
    /// given), with a plain reader in the connection's current transaction: materializing a hundred thousand entities
    /// through EF took longer than the rest of the read.
    /// </summary>
    public static async Task<List<CountryMonth>> ReadAsync(NpgsqlConnection connection, string where, DateOnly? from, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT "Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas" FROM "CountryMonths" {where}
            """;
        if (from is { } f) cmd.Parameters.AddWithValue("from", f);
        var rows = new List<CountryMonth>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => names.TryGetValue(s, out var known) ? known : names[s] = s;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new CountryMonth
            {
                Series = Shared(reader.GetString(0)), CountryIso3 = Shared(reader.GetString(1)), Month = reader.GetFieldValue<DateOnly>(2),
                StateBased = reader.GetInt32(3), NonState = Int(reader, 4), OneSided = Int(reader, 5), Other = Int(reader, 6),
                Events = Int(reader, 7), Admin1Areas = Int(reader, 8),
            });
        return rows;
    }

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    /// <summary>
    /// The rows of the export into the tally, read synchronously: the export is one stream that PostgreSQL fills as fast
    /// as it can, and awaiting each of six columns of a million rows took longer than the server's side (2.1 s against
    /// 1.2 s). Its own method compiled with full optimization at once (no tiering).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Read(NpgsqlBinaryExporter export, int wanted, CountryMonthTally tally)
    {
        while (export.StartRow() >= 0)
        {
            var ds = Array.IndexOf(EventDatasets.EventSets, export.Read<string>(NpgsqlDbType.Varchar));
            var country = CountryMonthTally.Pack(export.Read<string>(NpgsqlDbType.Varchar));
            var day = export.Read<DateOnly>(NpgsqlDbType.Date);
            var type = (ViolenceType)export.Read<short>(NpgsqlDbType.Smallint);
            var best = export.Read<int>(NpgsqlDbType.Integer);
            ulong? area = null;
            if (export.IsNull) export.Skip();
            else area = CountryMonthTally.Hash(export.Read<string>(NpgsqlDbType.Varchar));
            if (ds < 0 || (wanted >= 0 && ds != wanted)) continue;
            tally.Add(ds, country, day.Year * 100 + day.Month, type, best, area);
        }
    }
}
