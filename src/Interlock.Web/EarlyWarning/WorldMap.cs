using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Interlock.Web.EarlyWarning;

/// <summary>
/// One country's boundary: lon/lat polygons (outer ring then holes) and the SVG path drawn from them; or, for a state
/// too small for the 1:110m data, one lon/lat point and where it falls on the map.
/// </summary>
public sealed record MapCountry(string? Iso3, string Name, double[][][][] Polygons, string SvgPath, double[]? Point = null)
{
    public (double X, double Y)? Dot => Point is { Length: 2 } p ? WorldMap.Project(p[0], p[1]) : null;
}

/// <summary>
/// The shipped Natural Earth 1:110m boundaries (data/map/countries-110m.json, see data/SOURCES.md; small states as
/// points from the finer scales), embedded in the web
/// assembly and projected once, equirectangular, into an SVG of <see cref="Width"/> × <see cref="Height"/> user units.
/// Antarctica is left out: no risk is computed for it and it would take a third of the map.
/// </summary>
public static class WorldMap
{
    public const double North = 84, South = -57;
    public const double Width = 1000;
    public static readonly double Height = Math.Round((North - South) * Width / 360, 1);
    private static readonly Lazy<IReadOnlyList<MapCountry>> Loaded = new(Load);

    public static IReadOnlyList<MapCountry> Countries => Loaded.Value;

    private sealed record FileCountry(string? Iso3, string Name, double[][][][] Polygons, double[]? Point);
    private sealed record FileRoot(string Source, List<FileCountry> Countries);

    private static IReadOnlyList<MapCountry> Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Interlock.Web.Map.countries-110m.json")
                           ?? throw new InvalidOperationException("The map boundaries are not embedded in Interlock.Web.");
        var root = JsonSerializer.Deserialize<FileRoot>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return root.Countries.Where(c => c.Name != "Antarctica").Select(c => new MapCountry(c.Iso3, c.Name, c.Polygons, Path(c.Polygons), c.Point)).ToList();
    }

    private static string Path(double[][][][] polygons)
    {
        var sb = new StringBuilder();
        foreach (var ring in polygons.SelectMany(p => p))
        {
            for (var i = 0; i < ring.Length; i++)
            {
                var (x, y) = Project(ring[i][0], ring[i][1]);
                // A ring crossing the antimeridian jumps from 180 to -180: start a new piece there instead of a line across the map.
                var jump = i > 0 && Math.Abs(ring[i][0] - ring[i - 1][0]) > 180;
                sb.Append(i == 0 || jump ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                    .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
            }
            sb.Append('Z');
        }
        return sb.ToString();
    }

    public static (double X, double Y) Project(double lon, double lat) =>
        ((lon + 180) * Width / 360, (North - Math.Clamp(lat, South, North)) * Width / 360);
}
