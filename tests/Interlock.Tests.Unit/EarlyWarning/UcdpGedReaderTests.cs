using Interlock.EarlyWarning;

namespace Interlock.Tests.Unit.EarlyWarning;

public sealed class UcdpGedReaderTests
{
    [Fact]
    public void The_real_CAR_file_loads_every_row_with_its_fatalities_and_types()
    {
        using var file = EventFiles.RealGed();
        var (events, reader) = EventFiles.ReadAll(EventDatasets.UcdpGed, file);

        Assert.False(reader.HasRejections, string.Join("\n", reader.Rejections));
        Assert.Equal(1848, reader.Rows);
        Assert.Equal(1848, events.Count);
        Assert.Equal(14948, events.Sum(e => e.Best));
        Assert.Equal(401, events.Count(e => e.ViolenceType == ViolenceType.StateBased));
        Assert.Equal(371, events.Count(e => e.ViolenceType == ViolenceType.NonState));
        Assert.Equal(1076, events.Count(e => e.ViolenceType == ViolenceType.OneSided));
        Assert.All(events, e => Assert.Equal("CAF", e.CountryIso3));
        Assert.Equal(new DateOnly(1991, 8, 8), events.Min(e => e.DateStart));
        Assert.Equal(new DateOnly(2022, 12, 31), events.Max(e => e.DateEnd));
        Assert.Equal(1848, events.Select(e => e.SourceEventId).Distinct().Count());
        // The first row, field by field.
        var first = events.Single(e => e.SourceEventId == "36210");
        Assert.Equal((new DateOnly(2009, 2, 20), 3, 3, 3), (first.DateStart, first.Best, first.Low, first.High));
        Assert.Equal((5.399784, 26.486881), (first.Latitude!.Value, first.Longitude!.Value));
        Assert.Equal(("Government of Uganda", "LRA"), (first.SideA, first.SideB));
        Assert.Null(first.Admin1);
        Assert.Equal(2, first.Line);
    }

    [Fact]
    public void Quoted_newlines_and_quotes_inside_fields_do_not_shift_rows_and_lines_are_counted_from_the_file()
    {
        using var file = EventFiles.RealGed();
        var (events, _) = EventFiles.ReadAll(EventDatasets.UcdpGed, file);
        // 158 records span several lines, so the last record starts well after line 1849.
        Assert.True(events.Max(e => e.Line) > 1849 + 100, $"last line {events.Max(e => e.Line)}");
        Assert.Equal(events.Select(e => e.Line).Order(), events.Select(e => e.Line));
    }

    public static TheoryData<string, bool> Encodings => new() { { "\n", false }, { "\r\n", false }, { "\n", true }, { "\r\n", true } };

    [Theory, MemberData(nameof(Encodings))]
    public void A_byte_order_mark_or_Windows_line_ends_load_exactly_like_the_plain_file(string newline, bool bom)
    {
        var plain = EventFiles.Ged(EventFiles.SmallGed());
        var variant = EventFiles.ReadAll(EventDatasets.UcdpGed, EventFiles.SmallGed(newline), bom);

        Assert.False(variant.Reader.HasRejections, string.Join("\n", variant.Reader.Rejections));
        Assert.Equal(3, variant.Events.Count);
        Assert.Equal(plain.Events, variant.Events);
    }

    [Fact]
    public void The_real_file_with_a_BOM_and_Windows_line_ends_gives_the_same_events()
    {
        using var file = EventFiles.RealGed();
        var text = new StreamReader(file).ReadToEnd();
        var plain = EventFiles.ReadAll(EventDatasets.UcdpGed, text);
        // Line ends outside and inside quoted fields become CRLF.
        var windows = EventFiles.ReadAll(EventDatasets.UcdpGed, text.Replace("\n", "\r\n"), bom: true);

        Assert.False(windows.Reader.HasRejections, string.Join("\n", windows.Reader.Rejections));
        Assert.Equal(plain.Events.Select(Key), windows.Events.Select(Key));
    }

    private static object Key(ParsedEvent e) => (e.Line, e.SourceEventId, e.CountryIso3, e.Admin1, e.DateStart, e.DateEnd, e.ViolenceType,
        e.Best, e.Low, e.High, e.Latitude, e.Longitude, e.SideA, e.SideB);

    [Fact]
    public void Columns_are_found_by_name_so_an_older_release_with_fewer_columns_in_another_order_loads()
    {
        const string older = """
            best,date_end,date_start,country_id,type_of_violence,id,year
            5,1995-03-02,1995-03-01,482,1,77,1995
            0,1995-04-01,1995-04-01,678,2,78,1995

            """;
        var (events, reader) = EventFiles.Ged(older);

        Assert.False(reader.HasRejections, string.Join("\n", reader.Rejections));
        Assert.Equal(["CAF", "YEM"], events.Select(e => e.CountryIso3));
        Assert.Equal((5, 5, 5), (events[0].Best, events[0].Low, events[0].High));
        Assert.Null(events[0].Latitude);
    }

    [Theory]
    [InlineData(345, "SRB")]
    [InlineData(678, "YEM")]
    [InlineData(482, "CAF")]
    [InlineData(260, "DEU")]
    [InlineData(347, "XKX")]
    public void Gleditsch_Ward_codes_map_as_UCDP_GED_uses_them(int gw, string iso3) =>
        Assert.Equal(iso3, CountryCodes.Default.FromGleditschWard(gw));

    [Fact]
    public void An_unknown_code_is_mapped_by_the_exact_English_name()
    {
        var (events, reader) = EventFiles.Ged(EventFiles.GedHeader + "\n5,1,9999,Mali,,2020-01-01,2020-01-01,1,1,1,,,,\n");
        Assert.False(reader.HasRejections);
        Assert.Equal("MLI", events.Single().CountryIso3);
    }

    // ---- Bad input: each names the line and the field ----

    private static ImportRejection OnlyRejection(EventFiles.Read read)
    {
        Assert.True(read.Reader.HasRejections);
        return Assert.Single(read.Reader.Rejections);
    }

    [Fact]
    public void A_0_byte_file_is_rejected_as_empty()
    {
        var r = OnlyRejection(EventFiles.ReadAll(EventDatasets.UcdpGed, new MemoryStream()));
        Assert.Equal((1, "file"), (r.Line, r.Field));
        Assert.Contains("empty", r.Reason);
    }

    [Fact]
    public void A_header_without_rows_is_rejected()
    {
        var r = OnlyRejection(EventFiles.Ged(EventFiles.GedHeader + "\n"));
        Assert.Equal("file", r.Field);
        Assert.Contains("no events", r.Reason);
    }

    [Fact]
    public void A_truncated_file_names_the_cut_line()
    {
        var text = EventFiles.SmallGed();
        var cut = text[..(text.LastIndexOf("2021-02-01,2021-02-01", StringComparison.Ordinal) + 5)];
        var read = EventFiles.Ged(cut);
        var r = OnlyRejection(read);
        Assert.Equal((4, "record"), (r.Line, r.Field));
        Assert.Contains("truncated", r.Reason);
        Assert.Equal(1, read.Reader.RejectedRows);
    }

    [Fact]
    public void A_file_cut_inside_a_quoted_field_is_rejected()
    {
        var text = EventFiles.SmallGed();
        var cut = text[..(text.IndexOf("\"Bangui", StringComparison.Ordinal) + 4)];
        var r = OnlyRejection(EventFiles.Ged(cut));
        Assert.Equal((3, "record"), (r.Line, r.Field));
    }

    [Theory]
    [InlineData(';', "';'")]
    [InlineData('\t', "a tab")]
    public void A_wrong_delimiter_is_named(char separator, string named)
    {
        var r = OnlyRejection(EventFiles.Ged(EventFiles.SmallGed().Replace(',', separator)));
        Assert.Equal((1, "header"), (r.Line, r.Field));
        Assert.Contains(named, r.Reason);
        Assert.Contains("comma-separated", r.Reason);
    }

    [Fact]
    public void Missing_required_columns_are_named()
    {
        var text = EventFiles.SmallGed().Replace("date_end", "date_finish").Replace(",best,", ",fatalities,");
        var r = OnlyRejection(EventFiles.Ged(text));
        Assert.Equal((1, "header"), (r.Line, r.Field));
        Assert.Contains("missing required columns: date_end, best", r.Reason);
    }

    [Theory]
    [InlineData("twelve", "best")]
    [InlineData("-3", "best")]
    [InlineData("1.5", "best")]
    [InlineData("", "best")]
    public void Non_numeric_fatalities_name_the_line_and_column(string value, string field)
    {
        var text = EventFiles.SmallGed().Replace(",12,10,15,", $",{value},10,15,");
        var r = OnlyRejection(EventFiles.Ged(text));
        Assert.Equal((2, field), (r.Line, r.Field));
        if (value.Length > 0) Assert.Contains($"'{value}'", r.Reason);
    }

    [Theory]
    [InlineData("1899-12-31", "date_start", "out of range")]
    [InlineData("2099-01-05", "date_start", "out of range")]
    [InlineData("2021-02-30", "date_start", "not a date")]
    [InlineData("05/01/2021", "date_start", "not a date")]
    public void Dates_out_of_range_or_malformed_name_the_line_and_column(string date, string field, string says)
    {
        var text = EventFiles.SmallGed().Replace("2021-01-05 00:00:00.000,2021-01-05", $"{date},2021-01-05");
        var rejections = EventFiles.Ged(text).Reader.Rejections;
        var r = rejections.First();
        Assert.Equal((2, field), (r.Line, r.Field));
        Assert.Contains(says, r.Reason);
    }

    [Fact]
    public void An_end_before_the_start_is_rejected()
    {
        var text = EventFiles.SmallGed().Replace("2021-01-20,2021-01-21", "2021-01-20,2021-01-19");
        var r = OnlyRejection(EventFiles.Ged(text));
        Assert.Equal((3, "date_end"), (r.Line, r.Field));
    }

    [Fact]
    public void An_unknown_country_is_rejected_with_its_line_never_dropped()
    {
        var text = EventFiles.SmallGed().Replace("1003,2,432,Mali", "1003,2,999,Atlantis");
        var read = EventFiles.Ged(text);
        var r = OnlyRejection(read);
        Assert.Equal((4, "country_id"), (r.Line, r.Field));
        Assert.Contains("unknown country", r.Reason);
        Assert.Contains("999", r.Reason);
        Assert.Contains("Atlantis", r.Reason);
        Assert.Equal(1, read.Reader.RejectedRows);
        Assert.Equal(3, read.Reader.Rows);
    }

    [Fact]
    public void A_duplicate_event_id_names_both_lines()
    {
        var text = EventFiles.SmallGed().Replace("1003,2,432", "1001,2,432");
        var r = OnlyRejection(EventFiles.Ged(text));
        Assert.Equal((4, "id"), (r.Line, r.Field));
        Assert.Contains("duplicate event id 1001", r.Reason);
        Assert.Contains("line 2", r.Reason);
    }

    [Fact]
    public void An_unknown_type_of_violence_and_bad_coordinates_are_rejected()
    {
        var text = EventFiles.SmallGed().Replace("1001,1,482", "1001,4,482").Replace("14.5,-4.2", "94.5,-4.2");
        var rejections = EventFiles.Ged(text).Reader.Rejections;
        Assert.Contains(rejections, r => r is { Line: 2, Field: "type_of_violence" });
        Assert.Contains(rejections, r => r is { Line: 4, Field: "latitude" });
    }

    [Fact]
    public void Every_bad_row_is_listed_and_counted_once_even_with_several_problems()
    {
        var text = EventFiles.SmallGed().Replace(",12,10,15,", ",x,y,15,").Replace("1003,2,432,Mali", "1003,2,999,Atlantis");
        var reader = EventFiles.Ged(text).Reader;
        Assert.Equal(2, reader.RejectedRows);
        Assert.Equal(["2 best", "2 low", "4 country_id"], reader.Rejections.Select(r => $"{r.Line} {r.Field}"));
    }
}
