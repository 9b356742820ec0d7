using System.Data.Common;
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
    public Dictionary<string, SortedDictionary<DateOnly, MonthFigures>> Chosen { get; private set; } = new(StringComparer.Ordinal);

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
    /// A plain data reader on EF's connection (in its transaction when there is one): materializing a hundred thousand
    /// entities through EF took longer than the rest of the read.
    /// </summary>
    public async Task ReadFiguresAsync(InterlockDbContext db, IReadOnlyCollection<string>? countries, CancellationToken ct)
    {
        var rows = new List<CountryMonth>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = """
                SELECT "Series", "CountryIso3", "Month", "StateBased", "NonState", "OneSided", "Other", "Events", "Admin1Areas" FROM "CountryMonths"
                """ + (countries is null ? "" : $""" WHERE "CountryIso3" IN ({string.Join(", ", countries.Select(Iso3Literal))})""");
            var sqlite = !db.Database.IsNpgsql();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                rows.Add(new CountryMonth
                {
                    Series = r.GetString(0), CountryIso3 = r.GetString(1),
                    Month = sqlite ? DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture) : r.GetFieldValue<DateOnly>(2),
                    StateBased = r.GetInt32(3), NonState = Int(r, 4), OneSided = Int(r, 5), Other = Int(r, 6), Events = Int(r, 7), Admin1Areas = Int(r, 8),
                });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        Chosen = rows.GroupBy(r => r.CountryIso3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SeriesChoice.Choose(g, Bounds), StringComparer.Ordinal);
    }

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

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
