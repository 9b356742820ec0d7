using System.Globalization;
using System.Text.Json;
using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using nietras.SeparatedValues;
using Npgsql;

namespace Interlock.EarlyWarning;

/// <summary>One value of a reference series: state-based fatalities of a country in a month.</summary>
public readonly record struct SeriesValue(string Iso3, DateOnly Month, int StateBased);

/// <summary>
/// Reference country-month series published by others (VIEWS' <c>ged_sb</c>: UCDP GED state-based deaths per
/// country-month). Built from the VIEWS files (<see cref="BuildFromViews"/>), shipped as a compact CSV
/// (<c>iso3,month,ged_sb</c>), and loaded into <see cref="CountryMonth"/> as the series <c>views-ged-sb</c>.
/// </summary>
public static class ReferenceSeries
{
    public const string CsvHeader = "iso3,month,ged_sb";

    /// <summary>VIEWS month_id 1 = January 1980.</summary>
    public static DateOnly MonthOfViewsId(int monthId) => new(1980 + (monthId - 1) / 12, (monthId - 1) % 12 + 1, 1);

    /// <summary>
    /// Reads VIEWS' country-month actuals: the original releases for 2018–2021 (<c>cm_actuals_YYYY.csv</c>) and the
    /// later release for 2022 onwards (<c>later_release_actuals/cm_actuals_YYYY_later_release.csv</c>). VIEWS country ids
    /// are mapped to ISO 3166 through the <c>gleditsch_ward</c> column of the features files, else the names of
    /// <c>country_list.csv</c>; an id that maps to no country is an error, not a silent drop.
    /// </summary>
    public static List<SeriesValue> BuildFromViews(string viewsDirectory, CountryCodes? codes = null)
    {
        codes ??= CountryCodes.Default;
        var gwOf = new Dictionary<int, int>();
        foreach (var features in Directory.GetFiles(viewsDirectory, "cm_features_*.csv").Order(StringComparer.Ordinal))
        {
            using var reader = Sep.Reader().FromFile(features);
            foreach (var row in reader)
                gwOf.TryAdd(row["country_id"].Parse<int>(), (int)row["gleditsch_ward"].Parse<double>());
        }
        var nameOf = new Dictionary<int, string>();
        var list = Path.Combine(viewsDirectory, "country_list.csv");
        if (File.Exists(list))
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(list);
            foreach (var row in reader) nameOf[row["country_id"].Parse<int>()] = row["name"].ToString();
        }

        var files = Enumerable.Range(2018, 4).Select(y => (Path.Combine(viewsDirectory, $"cm_actuals_{y}.csv"), "ged_sb"))
            .Concat(Directory.GetFiles(Path.Combine(viewsDirectory, "later_release_actuals"), "cm_actuals_*_later_release.csv")
                .Where(f => int.Parse(Path.GetFileName(f).Split('_')[2], CultureInfo.InvariantCulture) >= 2022)
                .Order(StringComparer.Ordinal).Select(f => (f, "outcome")));
        var values = new Dictionary<(string, DateOnly), int>();
        foreach (var (file, column) in files)
        {
            using var reader = Sep.Reader().FromFile(file);
            foreach (var row in reader)
            {
                var id = row["country_id"].Parse<int>();
                var iso3 = (gwOf.TryGetValue(id, out var gw) ? codes.FromViewsGleditschWard(gw) : null)
                           ?? (nameOf.TryGetValue(id, out var name) ? codes.FromName(name) : null)
                           ?? throw new FormatException($"{Path.GetFileName(file)} line {row.LineNumberFrom}, country_id: VIEWS country {id} maps to no ISO 3166 country.");
                var month = MonthOfViewsId(row["month_id"].Parse<int>());
                // VIEWS sums are floats with float noise (2963.9999999999986): the count is the nearest integer.
                var value = (int)Math.Round(row[column].Parse<double>(), MidpointRounding.AwayFromZero);
                if (!values.TryAdd((iso3, month), value))
                    throw new FormatException($"{Path.GetFileName(file)} line {row.LineNumberFrom}: {iso3} {month:yyyy-MM} appears twice.");
            }
        }
        return values.Select(v => new SeriesValue(v.Key.Item1, v.Key.Item2, v.Value))
            .OrderBy(v => v.Iso3, StringComparer.Ordinal).ThenBy(v => v.Month).ToList();
    }

    public static void WriteCsv(IEnumerable<SeriesValue> values, TextWriter writer)
    {
        writer.Write(CsvHeader + "\n");
        foreach (var v in values)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{v.Iso3},{v.Month:yyyy-MM},{v.StateBased}\n"));
    }

    /// <summary>Reads the compact CSV, checking every row (known country, month, a count of 0 or more).</summary>
    public static List<SeriesValue> ReadCsv(Stream stream, string name, CountryCodes? codes = null)
    {
        codes ??= CountryCodes.Default;
        using var reader = Sep.New(',').Reader().From(stream);
        var result = new List<SeriesValue>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var iso3 = row["iso3"].ToString();
            if (!codes.IsKnown(iso3)) throw new FormatException($"{name} line {line}, iso3: '{iso3}' is not a country in the reference data.");
            if (!DateOnly.TryParseExact(row["month"].Span, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                throw new FormatException($"{name} line {line}, month: '{row["month"].ToString()}' is not YYYY-MM.");
            if (!int.TryParse(row["ged_sb"].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{name} line {line}, ged_sb: '{row["ged_sb"].ToString()}' is not a whole number.");
            result.Add(new SeriesValue(iso3, month, value));
        }
        return result;
    }

    public sealed record LoadResult(int Inserted, int Updated, int Deleted, int Unchanged);

    /// <summary>
    /// Makes the series equal to <paramref name="values"/>: new months are added, changed ones updated, months no longer
    /// in it removed; unchanged rows are not touched. One audit entry. Runs in the caller's transaction or its own.
    /// </summary>
    public static async Task<LoadResult> LoadAsync(InterlockDbContext db, string series, IReadOnlyCollection<SeriesValue> values, string source,
        CancellationToken ct = default, bool recomputeRisk = true)
    {
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var existing = await db.CountryMonths.AsNoTracking().Where(m => m.Series == series)
            .Select(m => new { m.CountryIso3, m.Month, m.StateBased })
            .ToDictionaryAsync(m => (m.CountryIso3, m.Month), m => m.StateBased, ct);

        var upserts = new List<SeriesValue>();
        int inserted = 0, updated = 0;
        foreach (var v in values)
        {
            if (!existing.Remove((v.Iso3, v.Month), out var old)) { inserted++; upserts.Add(v); }
            else if (old != v.StateBased) { updated++; upserts.Add(v); }
        }
        var transaction = (outer ?? own)!.GetDbTransaction();
        if (db.Database.IsNpgsql()) await UpsertPostgresAsync((NpgsqlConnection)transaction.Connection!, series, upserts, ct);
        else UpsertSqlite((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, series, upserts);
        foreach (var gone in existing.Keys)
            await db.CountryMonths.Where(m => m.Series == series && m.CountryIso3 == gone.CountryIso3 && m.Month == gone.Month).ExecuteDeleteAsync(ct);

        var result = new LoadResult(inserted, updated, existing.Count, values.Count - inserted - updated);
        // Indicators and risk of the months that changed, in the same transaction.
        if (recomputeRisk)
            await Risk.RiskRecompute.RecomputeAsync(db, upserts.Select(v => (v.Iso3, v.Month)).Concat(existing.Keys).ToList(), ct);
        db.AuditNextSaveAsBatch(nameof(CountryMonth), series, JsonSerializer.Serialize(new
        {
            source, series, rows = values.Count, inserted, updated, deleted = existing.Count,
        }));
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return result;
    }

    private const string Upsert = """
        ON CONFLICT ("Series", "CountryIso3", "Month") DO UPDATE SET "StateBased" = excluded."StateBased"
        """;

    /// <summary>One prepared statement, re-bound per row, in the caller's transaction (as the event import does).</summary>
    private static void UpsertSqlite(SqliteConnection connection, SqliteTransaction transaction, string series, List<SeriesValue> rows)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"""INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased") VALUES ($s, $c, $m, $v) {Upsert}""";
        cmd.Parameters.AddWithValue("$s", series);
        var c = cmd.Parameters.Add("$c", SqliteType.Text);
        var m = cmd.Parameters.Add("$m", SqliteType.Text);
        var v = cmd.Parameters.Add("$v", SqliteType.Integer);
        cmd.Prepare();
        foreach (var row in rows)
        {
            c.Value = row.Iso3;
            m.Value = row.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            v.Value = row.StateBased;
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Binary COPY into a temporary table, then one upsert.</summary>
    private static async Task UpsertPostgresAsync(NpgsqlConnection connection, string series, List<SeriesValue> rows, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""CREATE TEMP TABLE rs_staging ("CountryIso3" varchar(3), "Month" date, "StateBased" integer) ON COMMIT DROP""", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY rs_staging FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Iso3, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(row.Month, NpgsqlTypes.NpgsqlDbType.Date, ct);
                await copy.WriteAsync(row.StateBased, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO "CountryMonths" ("Series", "CountryIso3", "Month", "StateBased") SELECT @s, "CountryIso3", "Month", "StateBased" FROM rs_staging {Upsert};
            DROP TABLE rs_staging;
            """, connection);
        upsert.Parameters.AddWithValue("s", series);
        await upsert.ExecuteNonQueryAsync(ct);
    }
}
