using System.Globalization;
using Interlock.Data;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning.Risk;

/// <summary>
/// What the derived indicators read from the store: the land neighbours, the first and last month of every series, and
/// each country's chosen figures (<see cref="SeriesChoice"/>). One loader serves the recompute of risk levels and the
/// derived values computed when they are read (<see cref="DerivedIndicatorValues"/>), so both see the same figures.
/// </summary>
public sealed class RiskInputs
{
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Neighbours { get; init; }
    public required IReadOnlyDictionary<string, SeriesBounds> Bounds { get; init; }
    /// <summary>The chosen figures of the countries that were read, by ISO alpha-3 code.</summary>
    public Dictionary<string, SortedList<DateOnly, MonthFigures>> Chosen { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The neighbours and the bounds; the figures follow with <see cref="ReadFiguresAsync"/>.</summary>
    public static async Task<RiskInputs> LoadAsync(InterlockDbContext db, CancellationToken ct)
    {
        var neighbours = (await db.Countries.AsNoTracking().Select(c => new { c.Iso3, c.Neighbours }).ToListAsync(ct))
            .ToDictionary(c => c.Iso3, c => (IReadOnlyList<string>)c.Neighbours, StringComparer.Ordinal);
        var bounds = (await db.CountryMonths.GroupBy(m => m.Series)
                .Select(g => new { Series = g.Key, First = g.Min(m => m.Month), Last = g.Max(m => m.Month) }).ToListAsync(ct))
            .ToDictionary(b => b.Series, b => new SeriesBounds(b.First, b.Last), StringComparer.Ordinal);
        return new RiskInputs { Neighbours = neighbours, Bounds = bounds };
    }

    /// <summary>The countries whose figures the indicators of <paramref name="countries"/> read: themselves and their land neighbours (spillover).</summary>
    public HashSet<string> WithNeighbours(IEnumerable<string> countries)
    {
        var read = new HashSet<string>(countries, StringComparer.Ordinal);
        foreach (var c in read.ToList())
            if (Neighbours.TryGetValue(c, out var list)) read.UnionWith(list);
        return read;
    }

    /// <summary>
    /// Reads the country-month rows of <paramref name="countries"/> (all when null) and chooses one series per month.
    /// With <paramref name="from"/>, only the months the derived indicators of <paramref name="from"/> and later read:
    /// from <see cref="Lookback"/> months before. A plain data reader on EF's connection (in its transaction when there
    /// is one; on SQLite the native statement): materializing a hundred thousand entities through EF took longer than
    /// the rest of the read.
    /// </summary>
    public async Task ReadFiguresAsync(InterlockDbContext db, IReadOnlyCollection<string>? countries, CancellationToken ct, DateOnly? from = null)
    {
        var rows = new List<CountryMonth>();
        var present = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var sqlite = !db.Database.IsNpgsql();
        var window = from?.AddMonths(-Lookback);
        var inCountries = countries is null ? null : $""" "CountryIso3" IN ({string.Join(", ", countries.Select(Iso3Literal))})""";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (window is { } w)
            {
                // Which series each country has rows in at all (SeriesChoice needs it for the months before the window).
                cmd.CommandText = """SELECT DISTINCT "CountryIso3", "Series" FROM "CountryMonths" """ + (inCountries is null ? "" : " WHERE" + inCountries);
                await using (var r = await cmd.ExecuteReaderAsync(ct))
                    while (await r.ReadAsync(ct))
                    {
                        var iso3 = r.GetString(0);
                        if (!present.TryGetValue(iso3, out var set)) present[iso3] = set = new HashSet<string>(StringComparer.Ordinal);
                        set.Add(r.GetString(1));
                    }
            }
            var where = new[] { inCountries, window is null ? null : """ "Month" >= @from""" }.Where(c => c is not null).ToList();
            var whereSql = where.Count == 0 ? "" : "WHERE" + string.Join(" AND", where);
            rows = sqlite
                ? SqliteCountryMonths.Read((Microsoft.Data.Sqlite.SqliteConnection)cmd.Connection!, whereSql.Replace("@from", "?1"),
                    window is { } start ? [start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)] : [])
                : await PostgresCountryMonths.ReadAsync((Npgsql.NpgsqlConnection)cmd.Connection!, whereSql, window, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var byCountry = rows.ToLookup(r => r.CountryIso3, StringComparer.Ordinal);
        Chosen = byCountry.Select(g => g.Key).Concat(present.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, c => SeriesChoice.Choose(byCountry[c], Bounds, present.GetValueOrDefault(c), window), StringComparer.Ordinal);
    }

    /// <summary>How many months before a month its derived indicators read (change against the previous 12 months).</summary>
    public const int Lookback = 12;

    /// <summary>Codes go into the SQL text: only three capital letters are accepted.</summary>
    private static string Iso3Literal(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper)
        ? $"'{code}'" : throw new ArgumentException($"'{code}' is not an ISO alpha-3 code.");

    /// <summary>The derived indicators of one country, month by month (empty when no series covers it).</summary>
    public List<MonthFacts> FactsOf(string iso3, RiskSettings settings) =>
        Chosen.TryGetValue(iso3, out var figures)
            ? DerivedIndicators.ForCountry(iso3, figures, Neighbours.GetValueOrDefault(iso3) ?? [], Chosen, settings)
            : [];

    /// <summary>Derived values belong to the secretariat, which publishes them.</summary>
    public static async Task<Guid> SecretariatAsync(InterlockDbContext db, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Code == DatabaseInitializer.SecretariatCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
        ?? throw new InvalidOperationException("The reference data (organization UN) must be seeded before risk is computed.");
}
