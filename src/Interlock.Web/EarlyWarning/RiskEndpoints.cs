using System.Globalization;
using System.Text;
using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Indicators;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>
/// The indicator framework, the computed risk per country and month with its reasons and values, the latest risk of
/// every country (JSON and GeoJSON) and the HXL-tagged CSV of country-month indicators. Levels and derived values are
/// public; reported values go through the access policy.
/// </summary>
public static class RiskEndpoints
{
    /// <summary>How far back a country's history goes by default: ten years.</summary>
    public const int DefaultHistoryMonths = 120;

    public static void MapRiskApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Early warning").AllowAnonymous();
        open.MapGet("/indicators", ListIndicators).WithName("ListIndicators");
        open.MapGet("/indicators/values.csv", ValuesCsv).WithName("IndicatorValuesCsv").Produces<string>(200, "text/csv");
        open.MapGet("/countries/{iso3}/risk", CountryRisk).WithName("CountryRisk");
        open.MapGet("/risk/latest", Latest).WithName("LatestRisk");
        open.MapGet("/risk/latest.geojson", LatestGeoJson).WithName("LatestRiskGeoJson").Produces(200, contentType: "application/geo+json");
        AssessmentEndpoints.Map(app);
    }

    internal static IResult ListIndicators() => TypedResults.Ok(IndicatorCatalog.All.Select(i => new IndicatorDto(i.Code, i.Dimension, i.Source,
        i.NameEn, i.NameFr, i.Definition, i.Unit, i.Direction, "month", i.Watch, i.Warning, i.Alert, i.Hxl, i.Basis)).ToList());

    internal static async Task<IResult> CountryRisk(string iso3, InterlockDbContext db, AccessService access, string? from, string? to, CancellationToken ct)
    {
        var country = await db.Countries.AsNoTracking().FirstOrDefaultAsync(c => c.Iso3 == iso3.Trim().ToUpperInvariant(), ct);
        if (country is null) return ApiConventions.NotFound($"Country '{iso3}'");
        var errors = new ValidationErrors();
        var fromMonth = MonthParameter.Parse(from, "from", errors);
        var toMonth = MonthParameter.Parse(to, "to", errors);
        errors.Require(fromMonth is null || toMonth is null || fromMonth <= toMonth, "to", "Must not be before 'from'.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var last = await db.CountryRisks.Where(r => r.CountryIso3 == country.Iso3).MaxAsync(r => (DateOnly?)r.Month, ct);
        var end = toMonth ?? last ?? CountryMonth.MonthOf(access.Today);
        var start = fromMonth ?? end.AddMonths(1 - DefaultHistoryMonths);
        var history = await RiskQueries.HistoryAsync(db, country.Iso3, start, end, ct);
        var values = (await RiskQueries.ValuesAsync(db, access, country.Iso3, start, end, ct)).ToLookup(v => v.Month);
        var reasons = await RiskExplanations.ReadAsync(db, history.Select(r => (r.CountryIso3, r.Month)).Concat(last is { } l0 ? [(country.Iso3, l0)] : []), ct);
        var months = history.Select(r => ToDto(r.Month, r.Level, RiskExplanations.ReasonsFor(r, reasons), values[r.Month])).ToList();
        // The latest month is always given, whatever range the history covers.
        RiskMonthDto? latest = null;
        if (last is { } l)
        {
            latest = months.LastOrDefault(m => m.Month == MonthParameter.Text(l));
            if (latest is null)
            {
                var row = await db.CountryRisks.AsNoTracking().SingleAsync(r => r.CountryIso3 == country.Iso3 && r.Month == l, ct);
                latest = ToDto(row.Month, row.Level, RiskExplanations.ReasonsFor(row, reasons), await RiskQueries.ValuesAsync(db, access, country.Iso3, l, l, ct));
            }
        }
        return TypedResults.Ok(new CountryRiskDto(country.Iso3, country.NameEn, latest, months));
    }

    internal static RiskMonthDto ToDto(DateOnly month, RiskLevel level, IReadOnlyList<string> reasons, IEnumerable<IndicatorValue> values) =>
        new(MonthParameter.Text(month), level, reasons, values.Select(v => new IndicatorValueDto(v.IndicatorCode, v.Value, v.Level, v.Reason,
            IndicatorCatalog.Find(v.IndicatorCode)?.Source ?? IndicatorSource.Reported, v.ObservationId, v.Classification)).ToList());

    internal static async Task<IResult> Latest(InterlockDbContext db, CancellationToken ct)
    {
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.NameEn, ct);
        var latest = await RiskQueries.LatestWithReasonsAsync(db, ct);
        return TypedResults.Ok(latest.Select(x => new LatestRiskDto(x.Risk.CountryIso3, names.GetValueOrDefault(x.Risk.CountryIso3, x.Risk.CountryIso3),
            MonthParameter.Text(x.Risk.Month), x.Risk.Level, x.Reasons)).ToList());
    }

    /// <summary>
    /// The latest risk of every country as a GeoJSON FeatureCollection (RFC 7946): the shipped 1:110m boundaries as
    /// a MultiPolygon, or for the small states the 1:110m data leaves out a Point from the finer scales.
    /// </summary>
    internal static async Task<IResult> LatestGeoJson(InterlockDbContext db, HttpContext http, CancellationToken ct)
    {
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.NameEn, ct);
        var latest = await RiskQueries.LatestWithReasonsAsync(db, ct);
        var shapes = WorldMap.Countries.Where(c => c.Iso3 is not null).ToDictionary(c => c.Iso3!);
        http.Response.ContentType = "application/geo+json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var (r, reasons) in latest)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", r.CountryIso3);
            if (shapes.TryGetValue(r.CountryIso3, out var dot) && dot.Point is { Length: 2 } point)
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(point[0]);
                json.WriteNumberValue(point[1]);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else if (shapes.TryGetValue(r.CountryIso3, out var shape))
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var polygon in shape.Polygons)
                {
                    json.WriteStartArray();
                    foreach (var ring in polygon)
                    {
                        json.WriteStartArray();
                        foreach (var p in ring) { json.WriteStartArray(); json.WriteNumberValue(p[0]); json.WriteNumberValue(p[1]); json.WriteEndArray(); }
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else json.WriteNull("geometry");
            json.WriteStartObject("properties");
            json.WriteString("country", r.CountryIso3);
            json.WriteString("name", names.GetValueOrDefault(r.CountryIso3, r.CountryIso3));
            json.WriteString("month", MonthParameter.Text(r.Month));
            json.WriteString("level", JsonNamingPolicy.CamelCase.ConvertName(r.Level.ToString()));
            json.WriteStartArray("reasons");
            foreach (var reason in reasons) json.WriteStringValue(reason);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// Country-month indicators as CSV, one row per country and month, one column per indicator of the framework; the
    /// second header row holds the HXL hashtags (hxlstandard.org) of data/reference/indicators.csv. A reported indicator
    /// shows the most severe value the reader may see.
    /// </summary>
    internal static async Task<IResult> ValuesCsv(InterlockDbContext db, AccessService access, HttpContext http, string? country, string? from,
        string? to, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        string? iso3 = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            iso3 = country.Trim().ToUpperInvariant();
            errors.Require(CountryCodes.Default.IsKnown(iso3), "country", $"'{country}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
        }
        var fromMonth = MonthParameter.Parse(from, "from", errors);
        var toMonth = MonthParameter.Parse(to, "to", errors);
        errors.Require(fromMonth is null || toMonth is null || fromMonth <= toMonth, "to", "Must not be before 'from'.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var risks = db.CountryRisks.AsNoTracking();
        if (iso3 is not null) risks = risks.Where(r => r.CountryIso3 == iso3);
        if (fromMonth is { } f) risks = risks.Where(r => r.Month >= f);
        if (toMonth is { } t) risks = risks.Where(r => r.Month <= t);
        var levels = await risks.Select(r => new { r.CountryIso3, r.Month, r.Level }).ToDictionaryAsync(r => (r.CountryIso3, r.Month), r => r.Level, ct);
        var values = (await RiskQueries.ValuesAsync(db, access, iso3, fromMonth, toMonth, ct)).GroupBy(v => (v.CountryIso3, v.Month))
            .ToDictionary(g => g.Key, g => RiskQueries.OnePerIndicator(g).ToDictionary(v => v.IndicatorCode));
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Iso3, c => c.NameEn, ct);
        var indicators = IndicatorCatalog.All;

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"interlock-indicators{(iso3 is null ? "" : "-" + iso3)}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("country,country_name,month,risk_level," + string.Join(",", indicators.Select(i => i.Code)) + "\n");
        await writer.WriteAsync("#country+code,#country+name,#date+month,#severity+risk," + string.Join(",", indicators.Select(i => i.Hxl)) + "\n");
        var line = new StringBuilder();
        foreach (var key in levels.Keys.Union(values.Keys).OrderBy(k => k.CountryIso3, StringComparer.Ordinal).ThenBy(k => k.Month))
        {
            line.Clear();
            line.Append(key.CountryIso3).Append(',').Append(Csv(names.GetValueOrDefault(key.CountryIso3, ""))).Append(',')
                .Append(MonthParameter.Text(key.Month)).Append(',')
                .Append(levels.TryGetValue(key, out var level) ? level.ToString() : "");
            var row = values.GetValueOrDefault(key);
            foreach (var i in indicators)
            {
                line.Append(',');
                if (row is not null && row.TryGetValue(i.Code, out var v)) line.Append(v.Value.ToString("0.##", CultureInfo.InvariantCulture));
            }
            await writer.WriteAsync(line.Append('\n'), ct);
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}

/// <summary>Months in query strings and DTOs: YYYY-MM (a full date is taken as its month).</summary>
public static class MonthParameter
{
    public static DateOnly? Parse(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return CountryMonth.MonthOf(d);
        errors.Add(field, "A month as YYYY-MM.");
        return null;
    }

    public static string Text(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
