using System.Globalization;
using nietras.SeparatedValues;

namespace Interlock.EarlyWarning;

/// <summary>
/// ACLED CSV export. Required: event_id_cnty, event_date, event_type, inter1, inter2, fatalities, and iso or country.
/// Optional: sub_event_type, actor1, actor2, admin1, latitude, longitude. One fatalities figure: best = low = high.
/// The type of violence follows <see cref="ViolenceTypeOf"/> (documented in docs/early-warning.md).
/// </summary>
internal sealed class AcledFormat(FormatContext context) : EventFormat(context)
{
    private int _id, _date, _type, _inter1, _inter2, _iso, _country, _fatalities, _actor1, _actor2, _admin1, _lat, _lon;

    public override string Dataset => EventDatasets.Acled;
    public override string Name => "ACLED";
    public override IReadOnlyList<string> Required { get; } = ["event_id_cnty", "event_date", "event_type", "inter1", "inter2", "iso", "country", "fatalities"];
    public override string IdColumn => "event_id_cnty";
    public override bool NumericIds => false;

    public override List<string> Bind(SepReaderHeader header)
    {
        var missing = new List<string>();
        _id = Index(header, "event_id_cnty", missing);
        _date = Index(header, "event_date", missing);
        _type = Index(header, "event_type", missing);
        _inter1 = Index(header, "inter1", missing);
        _inter2 = Index(header, "inter2", missing);
        _fatalities = Index(header, "fatalities", missing);
        _iso = Index(header, "iso", null);
        _country = Index(header, "country", null);
        if (_iso < 0 && _country < 0) missing.Add("iso or country");
        _actor1 = Index(header, "actor1", null);
        _actor2 = Index(header, "actor2", null);
        _admin1 = Index(header, "admin1", null);
        _lat = Index(header, "latitude", null);
        _lon = Index(header, "longitude", null);
        return missing;
    }

    public override void Parse(SepReader.Row row, ref ParsedEvent e, EventFileReader.RowState state)
    {
        e.SourceEventId = Id(row, _id, "event_id_cnty", state)!;
        e.DateStart = e.DateEnd = Date(row, state);
        e.CountryIso3 = Country(row, state)!;

        var inter1 = Inter(row, _inter1, "inter1", state);
        var inter2 = Inter(row, _inter2, "inter2", state);
        var eventType = row[_type].Span.Trim();
        if (eventType.IsEmpty) state.Fail("event_type", "is empty.");
        else e.ViolenceType = ViolenceTypeOf(eventType, inter1, inter2);

        e.Best = e.Low = e.High = Count(row, _fatalities, "fatalities", state);
        e.Admin1 = Text(row, _admin1);
        e.Latitude = Coordinate(row, _lat, "latitude", 90, state);
        e.Longitude = Coordinate(row, _lon, "longitude", 180, state);
        e.SideA = Text(row, _actor1);
        e.SideB = Text(row, _actor2);
    }

    /// <summary>
    /// ACLED event types to UCDP's types of violence:
    /// Battles: state-based when either side is state forces (inter code 1), else non-state.
    /// Violence against civilians: one-sided.
    /// Explosions/Remote violence: state-based when either side is state forces; else one-sided when the target
    /// (inter2) is civilians (7); else non-state.
    /// Protests, Riots, Strategic developments and anything else: other (not organized violence).
    /// </summary>
    public static ViolenceType ViolenceTypeOf(ReadOnlySpan<char> eventType, int inter1, int inter2)
    {
        const int stateForces = 1, civilians = 7;
        if (eventType.Equals("Battles", StringComparison.OrdinalIgnoreCase))
            return inter1 == stateForces || inter2 == stateForces ? ViolenceType.StateBased : ViolenceType.NonState;
        if (eventType.Equals("Violence against civilians", StringComparison.OrdinalIgnoreCase))
            return ViolenceType.OneSided;
        if (eventType.Equals("Explosions/Remote violence", StringComparison.OrdinalIgnoreCase))
            return inter1 == stateForces || inter2 == stateForces ? ViolenceType.StateBased
                : inter2 == civilians ? ViolenceType.OneSided
                : ViolenceType.NonState;
        return ViolenceType.Other;
    }

    /// <summary>ACLED's actor-type codes, and the names newer exports write instead of the codes.</summary>
    private static readonly Dictionary<string, int> InterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["State forces"] = 1, ["Rebel group"] = 2, ["Political militia"] = 3, ["Identity militia"] = 4,
        ["Rioters"] = 5, ["Protesters"] = 6, ["Civilians"] = 7, ["External/Other forces"] = 8,
    };

    private static int Inter(SepReader.Row row, int col, string name, EventFileReader.RowState state)
    {
        var span = row[col].Span.Trim();
        if (span.IsEmpty) return 0; // no second actor
        if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 8) return code;
        if (InterNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out code)) return code;
        state.Fail(name, $"'{Clip(span)}' is not an ACLED actor type (a code 0–8, or a name such as 'State forces').");
        return 0;
    }

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>event_date as <c>YYYY-MM-DD</c> or <c>DD Month YYYY</c> (e.g. <c>05 March 2021</c>).</summary>
    private DateOnly Date(SepReader.Row row, EventFileReader.RowState state)
    {
        var span = row[_date].Span.Trim();
        if (TryIsoDay(span, out var day)) return InRange(day, "event_date", state);
        if (DateOnly.TryParseExact(span, ["d MMMM yyyy", "dd MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return InRange(day, "event_date", state);
        state.Fail("event_date", span.IsEmpty ? "is empty; a date is required." : $"'{Clip(span)}' is not a date (YYYY-MM-DD or DD Month YYYY).");
        return default;
    }

    private string? Country(SepReader.Row row, EventFileReader.RowState state)
    {
        var iso = _iso >= 0 ? row[_iso].Span.Trim() : default;
        if (int.TryParse(iso, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && Context.Countries.FromIsoNumeric(numeric) is { } byCode)
            return byCode;
        var name = Text(row, _country);
        if (name is not null && Context.Countries.FromName(name) is { } byName) return byName;
        var field = _iso >= 0 ? "iso" : "country";
        state.Fail(field, $"unknown country: " +
            (iso.IsEmpty ? "no ISO 3166 numeric code" : $"{Clip(iso)} is not the ISO 3166 numeric code of a country in the reference data") +
            (name is null ? "." : $", and '{Clip(name)}' is not a country name there."));
        return null;
    }
}
