using System.Globalization;
using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

public sealed record EventDto(long Id, string Dataset, string SourceEventId, string Country, string? Admin1, DateOnly DateStart, DateOnly DateEnd,
    ViolenceType Type, int Best, int Low, int High, double? Latitude, double? Longitude, string? SideA, string? SideB, Classification Classification);

public sealed record CountryMonthDto(string Series, string Month, int StateBased, int? NonState, int? OneSided, int? Other, int? Events, int? Admin1Areas);

public sealed record CountryMonthsDto(string Country, string? From, string? To, IReadOnlyList<CountryMonthDto> Months);

/// <summary>
/// The conflict-event store over HTTP: events (paged JSON and GeoJSON, filtered by country, dates, type and dataset),
/// a country's monthly series. Reading is public for public events; everything goes through <see cref="AccessService"/>.
/// </summary>
public static class EventEndpoints
{
    public const int MaxGeoJsonFeatures = 50_000;

    public static void MapEarlyWarningApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Early warning").AllowAnonymous();
        open.MapGet("/events", List).WithName("ListEvents");
        open.MapGet("/events.geojson", GeoJson).WithName("EventsGeoJson").Produces(200, contentType: "application/geo+json");
        open.MapGet("/countries/{iso3}/months", Months).WithName("CountryMonths");
        ImportEndpoints.Map(app);
    }

    /// <summary>The filters both event lists share, checked with errors that name the parameter.</summary>
    internal sealed record EventFilter(string? Country, DateOnly? From, DateOnly? To, ViolenceType? Type, string? Dataset)
    {
        public static (EventFilter? Filter, ValidationErrors Errors) Parse(string? country, string? from, string? to, string? type, string? dataset)
        {
            var errors = new ValidationErrors();
            string? iso3 = null;
            if (!string.IsNullOrWhiteSpace(country))
            {
                iso3 = country.Trim().ToUpperInvariant();
                errors.Require(CountryCodes.Default.IsKnown(iso3), "country", $"'{country}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
            }
            var fromDay = Day(from, "from", errors);
            var toDay = Day(to, "to", errors);
            errors.Require(fromDay is null || toDay is null || fromDay <= toDay, "to", "Must not be before 'from'.");
            ViolenceType? violence = null;
            if (!string.IsNullOrWhiteSpace(type))
            {
                violence = ParseType(type);
                errors.Require(violence is not null, "type", "One of stateBased, nonState, oneSided, other (or 1–4).");
            }
            errors.Require(dataset is null || EventDatasets.IsEventDataset(dataset), "dataset", $"One of {string.Join(", ", EventDatasets.EventSets)}.");
            return (errors.IsEmpty ? new EventFilter(iso3, fromDay, toDay, violence, dataset) : null, errors);
        }

        public IQueryable<ConflictEvent> Apply(IQueryable<ConflictEvent> q)
        {
            if (Country is not null) q = q.Where(e => e.CountryIso3 == Country);
            if (From is { } f) q = q.Where(e => e.DateStart >= f);
            if (To is { } t) q = q.Where(e => e.DateStart <= t);
            if (Type is { } v) q = q.Where(e => e.ViolenceType == v);
            if (Dataset is not null) q = q.Where(e => e.Dataset == Dataset);
            return q;
        }

        private static DateOnly? Day(string? text, string field, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(field, "A date as YYYY-MM-DD.");
            return null;
        }

        private static ViolenceType? ParseType(string text) => text.Trim().ToLowerInvariant() switch
        {
            "statebased" or "state-based" or "1" => ViolenceType.StateBased,
            "nonstate" or "non-state" or "2" => ViolenceType.NonState,
            "onesided" or "one-sided" or "3" => ViolenceType.OneSided,
            "other" or "4" => ViolenceType.Other,
            _ => null,
        };
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? country, string? from, string? to, string? type,
        string? dataset, int? offset, int? limit, CancellationToken ct)
    {
        var (filter, errors) = EventFilter.Parse(country, from, to, type, dataset);
        if (filter is null) return ApiConventions.Validation(errors);
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = filter.Apply(await access.ReadableAsync(db.ConflictEvents.AsNoTracking(), ct));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.DateStart).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        return TypedResults.Ok(new Page<EventDto>(items.Select(ToDto).ToList(), total, skip, take));
    }

    /// <summary>
    /// The filtered events that have coordinates, as a GeoJSON FeatureCollection (RFC 7946), newest first, at most
    /// <paramref name="limit"/> (default and maximum <see cref="MaxGeoJsonFeatures"/>). Written as it is read.
    /// </summary>
    internal static async Task<IResult> GeoJson(InterlockDbContext db, AccessService access, HttpContext http, string? country, string? from,
        string? to, string? type, string? dataset, int? limit, CancellationToken ct)
    {
        var (filter, errors) = EventFilter.Parse(country, from, to, type, dataset);
        if (filter is null) return ApiConventions.Validation(errors);
        var take = Math.Clamp(limit ?? MaxGeoJsonFeatures, 1, MaxGeoJsonFeatures);
        var query = filter.Apply(await access.ReadableAsync(db.ConflictEvents.AsNoTracking(), ct))
            .Where(e => e.Latitude != null && e.Longitude != null)
            .OrderByDescending(e => e.DateStart).ThenByDescending(e => e.Id).Take(take);
        // Restricted events (incident reports) are logged as read, as in the JSON list; public ones are not.
        await access.AuditReadsAsync(await query.Where(e => e.Classification >= Classification.Confidential).ToListAsync(ct), ct);

        http.Response.ContentType = "application/geo+json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var count = 0;
        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", e.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(e.Longitude!.Value);
            json.WriteNumberValue(e.Latitude!.Value);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("dataset", e.Dataset);
            json.WriteString("sourceEventId", e.SourceEventId);
            json.WriteString("country", e.CountryIso3);
            if (e.Admin1 is null) json.WriteNull("admin1"); else json.WriteString("admin1", e.Admin1);
            json.WriteString("dateStart", e.DateStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("dateEnd", e.DateEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("type", TypeName(e.ViolenceType));
            json.WriteNumber("best", e.Best);
            json.WriteNumber("low", e.Low);
            json.WriteNumber("high", e.High);
            if (e.SideA is null) json.WriteNull("sideA"); else json.WriteString("sideA", e.SideA);
            if (e.SideB is null) json.WriteNull("sideB"); else json.WriteString("sideB", e.SideB);
            json.WriteEndObject();
            json.WriteEndObject();
            if (++count % 1000 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteNumber("count", count);
        json.WriteBoolean("truncated", count == take);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return TypedResults.Empty;
    }

    internal static async Task<IResult> Months(string iso3, InterlockDbContext db, string? from, string? to, string? series, CancellationToken ct)
    {
        var code = iso3.Trim().ToUpperInvariant();
        if (!await db.Countries.AnyAsync(c => c.Iso3 == code, ct)) return ApiConventions.NotFound($"Country '{iso3}'");
        var errors = new ValidationErrors();
        var fromMonth = Month(from, "from", errors);
        var toMonth = Month(to, "to", errors);
        errors.Require(series is null || EventDatasets.IsEventDataset(series) || series == EventDatasets.ViewsGedSb, "series",
            $"One of {string.Join(", ", EventDatasets.EventSets.Append(EventDatasets.ViewsGedSb))}.");
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        // Series are aggregates of public events and published reference data: public, like the public events.
        var q = db.CountryMonths.AsNoTracking().Where(m => m.CountryIso3 == code);
        if (fromMonth is { } f) q = q.Where(m => m.Month >= f);
        if (toMonth is { } t) q = q.Where(m => m.Month <= t);
        if (series is not null) q = q.Where(m => m.Series == series);
        var rows = await q.OrderBy(m => m.Series).ThenBy(m => m.Month).ToListAsync(ct);
        return TypedResults.Ok(new CountryMonthsDto(code, fromMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            toMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            rows.Select(m => new CountryMonthDto(m.Series, m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.StateBased, m.NonState,
                m.OneSided, m.Other, m.Events, m.Admin1Areas)).ToList()));
    }

    /// <summary>A month as YYYY-MM (or a day YYYY-MM-DD, taken as its month).</summary>
    private static DateOnly? Month(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return CountryMonth.MonthOf(d);
        errors.Add(field, "A month as YYYY-MM.");
        return null;
    }

    internal static string TypeName(ViolenceType t) => JsonNamingPolicy.CamelCase.ConvertName(t.ToString());

    internal static EventDto ToDto(ConflictEvent e) => new(e.Id, e.Dataset, e.SourceEventId, e.CountryIso3, e.Admin1, e.DateStart, e.DateEnd,
        e.ViolenceType, e.Best, e.Low, e.High, e.Latitude, e.Longitude, e.SideA, e.SideB, e.Classification);
}
