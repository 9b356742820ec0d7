using System.Globalization;
using nietras.SeparatedValues;

namespace Interlock.EarlyWarning;

/// <summary>
/// UCDP Georeferenced Event Dataset CSV (any release: columns by name). Required: id, type_of_violence, country_id,
/// date_start, date_end, best. Optional: low and high (default: best), adm_1, latitude, longitude, side_a, side_b,
/// country (the English name, used when country_id is not a known Gleditsch–Ward code).
/// </summary>
internal sealed class UcdpGedFormat(FormatContext context) : EventFormat(context)
{
    private int _id, _type, _countryId, _country, _start, _end, _best, _low, _high, _adm1, _lat, _lon, _sideA, _sideB;

    public override string Dataset => EventDatasets.UcdpGed;
    public override string Name => "UCDP GED";
    public override IReadOnlyList<string> Required { get; } = ["id", "type_of_violence", "country_id", "date_start", "date_end", "best"];
    public override string IdColumn => "id";
    public override bool NumericIds => true;

    public override List<string> Bind(SepReaderHeader header)
    {
        var missing = new List<string>();
        _id = Index(header, "id", missing);
        _type = Index(header, "type_of_violence", missing);
        _countryId = Index(header, "country_id", missing);
        _start = Index(header, "date_start", missing);
        _end = Index(header, "date_end", missing);
        _best = Index(header, "best", missing);
        _low = Index(header, "low", null);
        _high = Index(header, "high", null);
        _country = Index(header, "country", null);
        _adm1 = Index(header, "adm_1", null);
        _lat = Index(header, "latitude", null);
        _lon = Index(header, "longitude", null);
        _sideA = Index(header, "side_a", null);
        _sideB = Index(header, "side_b", null);
        return missing;
    }

    public override void Parse(SepReader.Row row, ref ParsedEvent e, EventFileReader.RowState state)
    {
        e.SourceEventId = Id(row, _id, "id", state)!;

        var type = row[_type].Span.Trim();
        if (type.Length == 1 && type[0] is >= '1' and <= '3') e.ViolenceType = (ViolenceType)(type[0] - '0');
        else state.Fail("type_of_violence", $"'{Clip(type)}' is not a UCDP type of violence (1 state-based, 2 non-state, 3 one-sided).");

        e.CountryIso3 = Country(row, state)!;
        e.DateStart = IsoDay(row, _start, "date_start", state);
        e.DateEnd = IsoDay(row, _end, "date_end", state);
        if (!state.Failed && e.DateEnd < e.DateStart)
            state.Fail("date_end", $"{e.DateEnd:yyyy-MM-dd} is before date_start {e.DateStart:yyyy-MM-dd}.");

        e.Best = Count(row, _best, "best", state);
        e.Low = _low >= 0 ? Count(row, _low, "low", state, whenEmpty: e.Best) : e.Best;
        e.High = _high >= 0 ? Count(row, _high, "high", state, whenEmpty: e.Best) : e.Best;
        e.Admin1 = Text(row, _adm1);
        e.Latitude = Coordinate(row, _lat, "latitude", 90, state);
        e.Longitude = Coordinate(row, _lon, "longitude", 180, state);
        e.SideA = Text(row, _sideA);
        e.SideB = Text(row, _sideB);
    }

    private string? Country(SepReader.Row row, EventFileReader.RowState state)
    {
        var span = row[_countryId].Span.Trim();
        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var gw) && Context.Countries.FromGleditschWard(gw) is { } iso3)
            return iso3;
        var name = Text(row, _country);
        if (name is not null && Context.Countries.FromName(name) is { } byName) return byName;
        state.Fail("country_id", span.IsEmpty
            ? "is empty; a Gleditsch–Ward country code is required."
            : $"unknown country: {Clip(span)} is not the Gleditsch–Ward code of a country in the reference data" +
              (name is null ? "." : $", and '{Clip(name)}' is not a country name there."));
        return null;
    }
}
