using Interlock.EarlyWarning;

namespace Interlock.Tests.Unit.EarlyWarning;

/// <summary>ACLED's terms forbid redistributing its data: every row here is written for the test, in ACLED's export format.</summary>
public sealed class AcledReaderTests
{
    private const string Header =
        "event_id_cnty,event_date,year,disorder_type,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,iso,region,country,admin1,latitude,longitude,fatalities";

    private static string File(params string[] rows) => string.Join("\n", [Header, .. rows, ""]);

    private static string Row(string id, string date, string eventType, string inter1, string inter2, string iso = "466", string country = "Mali",
        string fatalities = "2") =>
        $"{id},{date},2021,Political violence,{eventType},Armed clash,Actor One,{inter1},Actor Two,{inter2},12,{iso},Western Africa,{country},Mopti,14.49,-4.19,{fatalities}";

    [Fact]
    public void Both_date_forms_load_and_one_fatalities_figure_is_best_low_and_high()
    {
        var (events, reader) = EventFiles.Acled(File(
            Row("MLI1", "2021-03-05", "Battles", "1", "2"),
            Row("MLI2", "05 March 2021", "Battles", "2", "3", fatalities: "7"),
            Row("MLI3", "5 March 2021", "Riots", "5", "")));

        Assert.False(reader.HasRejections, string.Join("\n", reader.Rejections));
        Assert.All(events, e => Assert.Equal(new DateOnly(2021, 3, 5), e.DateStart));
        Assert.All(events, e => Assert.Equal(e.DateStart, e.DateEnd));
        Assert.Equal((7, 7, 7), (events[1].Best, events[1].Low, events[1].High));
        Assert.Equal(("Actor One", "Actor Two", "Mopti"), (events[0].SideA, events[0].SideB, events[0].Admin1));
        Assert.All(events, e => Assert.Equal("MLI", e.CountryIso3));
    }

    [Theory]
    [InlineData("Battles", "1", "2", ViolenceType.StateBased)]
    [InlineData("Battles", "3", "1", ViolenceType.StateBased)]
    [InlineData("Battles", "2", "3", ViolenceType.NonState)]
    [InlineData("Violence against civilians", "3", "7", ViolenceType.OneSided)]
    [InlineData("Violence against civilians", "1", "7", ViolenceType.OneSided)]
    [InlineData("Explosions/Remote violence", "1", "7", ViolenceType.StateBased)]
    [InlineData("Explosions/Remote violence", "2", "1", ViolenceType.StateBased)]
    [InlineData("Explosions/Remote violence", "2", "7", ViolenceType.OneSided)]
    [InlineData("Explosions/Remote violence", "2", "3", ViolenceType.NonState)]
    [InlineData("Explosions/Remote violence", "2", "", ViolenceType.NonState)]
    [InlineData("Protests", "6", "", ViolenceType.Other)]
    [InlineData("Riots", "5", "7", ViolenceType.Other)]
    [InlineData("Strategic developments", "1", "", ViolenceType.Other)]
    [InlineData("Battles", "State forces", "Rebel group", ViolenceType.StateBased)]
    [InlineData("Explosions/Remote violence", "Rebel group", "Civilians", ViolenceType.OneSided)]
    public void Event_types_map_to_types_of_violence_by_the_documented_rule(string eventType, string inter1, string inter2, ViolenceType expected)
    {
        var (events, reader) = EventFiles.Acled(File(Row("X1", "2021-03-05", eventType, inter1, inter2)));
        Assert.False(reader.HasRejections, string.Join("\n", reader.Rejections));
        Assert.Equal(expected, Assert.Single(events).ViolenceType);
    }

    [Fact]
    public void The_numeric_iso_code_is_the_M49_code_and_the_name_is_the_fallback()
    {
        var (events, reader) = EventFiles.Acled(File(
            Row("A1", "2021-03-05", "Battles", "1", "2", iso: "140", country: "Central African Republic"),
            Row("A2", "2021-03-05", "Battles", "1", "2", iso: "4", country: "Afghanistan"),
            Row("A3", "2021-03-05", "Battles", "1", "2", iso: "", country: "Niger")));
        Assert.False(reader.HasRejections, string.Join("\n", reader.Rejections));
        Assert.Equal(["CAF", "AFG", "NER"], events.Select(e => e.CountryIso3));
    }

    [Fact]
    public void Bad_rows_name_their_line_and_column()
    {
        var reader = EventFiles.Acled(File(
            Row("B1", "2021-03-05", "Battles", "1", "2", iso: "999", country: "Atlantis"),
            Row("B2", "31 Febuary 2021", "Battles", "1", "2"),
            Row("B3", "2021-03-05", "Battles", "1", "2", fatalities: "many"),
            Row("B3", "2021-03-06", "Battles", "1", "2"),
            Row("B5", "2021-03-05", "Battles", "9", "2"),
            Row("B6", "1940-01-01", "Battles", "1", "2"))).Reader;

        Assert.Equal(["2 iso", "3 event_date", "4 fatalities", "6 inter1", "7 event_date"], reader.Rejections.Select(r => $"{r.Line} {r.Field}"));
        Assert.Contains("unknown country", reader.Rejections[0].Reason);
        Assert.Equal(5, reader.RejectedRows);
    }

    [Fact]
    public void A_duplicate_event_id_is_rejected()
    {
        var r = Assert.Single(EventFiles.Acled(File(Row("D1", "2021-03-05", "Battles", "1", "2"), Row("D1", "2021-03-06", "Riots", "5", ""))).Reader.Rejections);
        Assert.Equal((3, "event_id_cnty"), (r.Line, r.Field));
    }

    [Fact]
    public void Missing_columns_are_named_including_the_country_alternatives()
    {
        var text = File(Row("M1", "2021-03-05", "Battles", "1", "2")).Replace(",iso,", ",iso_code,").Replace(",country,", ",nation,")
            .Replace("inter2", "interB");
        var r = Assert.Single(EventFiles.Acled(text).Reader.Rejections);
        Assert.Contains("inter2", r.Reason);
        Assert.Contains("iso or country", r.Reason);
    }
}
