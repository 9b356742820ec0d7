using System.Text;
using Interlock.EarlyWarning.Observations;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

public sealed class ObservationCsvTests
{
    private static readonly DateOnly Today = new(2024, 6, 10);
    private const string Header = "indicator,country,admin1,month,value,source,source_reliability,information_credibility,classification,note";
    private const string Hxl = "#indicator+code,#country+code,#adm1+name,#date+month,#indicator+value+num,#meta+source,#meta+reliability,#meta+credibility,#meta+classification,#description";

    private static ObservationCsv.ReadResult Read(params string[] lines) => ObservationCsv.Read(string.Join("\r\n", lines) + "\r\n", Today);

    [Fact]
    public void A_file_with_the_hxl_row_reads_every_row()
    {
        var r = Read(Header, Hxl, "displacement,CAF,Ouaka,2024-03,1200,OCHA,B,2,Partners,\"Bambari, mostly\"", "food-prices,caf,,2024-04,12.5,WFP,a,1,public,");
        Assert.Empty(r.Rejections);
        Assert.Equal(2, r.Rows.Count);
        Assert.Equal((3, "Bambari, mostly"), (r.Rows[0].Line, r.Rows[0].Content.Note));
        Assert.Equal(("CAF", "A", Classification.Public, 12.5), (r.Rows[1].Subject.CountryIso3, r.Rows[1].Content.SourceReliability,
            r.Rows[1].Content.Classification, r.Rows[1].Content.Value));
    }

    [Fact]
    public void Each_rejected_row_is_named_by_line_and_column()
    {
        var r = Read(Header,
            "displacement,CAF,,2024-03,lots,OCHA,B,2,Partners,",
            "sb-fatalities,CAF,,2024-03,3,OCHA,B,2,Partners,",
            "displacement,XXX,,2024-13,3,OCHA,Z,9,Secret,",
            "displacement,CAF,,2024-03,5,OCHA,B,2,Partners,");
        var text = r.Rejections.Select(x => x.ToString()).ToList();
        Assert.Contains("line 2, value: 'lots' is not a number (use a dot for decimals).", text);
        Assert.Contains(r.Rejections, x => x is { Line: 3, Column: "indicator" });
        Assert.Contains(r.Rejections, x => x is { Line: 4, Column: "month" });
        Assert.Contains(r.Rejections, x => x is { Line: 4, Column: "information_credibility" } or { Line: 4, Column: "classification" });
        // Line 5 repeats line 2's subject, but line 2 was rejected: only the first valid row of a subject counts.
        Assert.DoesNotContain(r.Rejections, x => x.Line == 5);
    }

    [Fact]
    public void A_missing_required_column_and_a_duplicate_subject_are_rejected()
    {
        Assert.Contains(Read("indicator,country,month", "displacement,CAF,2024-03").Rejections, x => x is { Line: 1, Column: "value" });
        var dup = Read(Header, "displacement,CAF,,2024-03,1,OCHA,B,2,Partners,", "displacement,CAF,,2024-03,2,OCHA,B,2,Partners,");
        Assert.Equal("line 3, indicator: the same indicator, place and month as line 2.", Assert.Single(dup.Rejections).ToString());
    }

    [Fact]
    public async Task Export_then_read_gives_back_the_same_content()
    {
        var owner = Guid.NewGuid();
        var o = ObservationWriter.Create(owner, new ObservationSubject("displacement", "CAF", "Haute-Kotto", new DateOnly(2024, 3, 1)),
            new ObservationContent(1234.5, "OCHA, \"flash\" update", "C", 3, "line one\nline two", Classification.Confidential), DateTimeOffset.UnixEpoch, "x");
        var text = ObservationCsv.ToText([o], new Dictionary<Guid, string> { [owner] = "AU" });
        var lines = text.Split("\r\n");
        Assert.Equal("id,owner,indicator,country,admin1,month,value,source,source_reliability,information_credibility,classification,note,revision,correction", lines[0]);
        Assert.Equal("#meta+id,#org+code,#indicator+code,#country+code,#adm1+name,#date+month,#indicator+value+num,#meta+source,#meta+reliability," +
            "#meta+credibility,#meta+classification,#description,#meta+revision,#meta+correction", lines[1]);
        // Read as bytes with a byte order mark, as a file uploaded from a spreadsheet arrives.
        var back = await ObservationCsv.ReadAsync(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]), Today,
            TestContext.Current.CancellationToken);
        Assert.Empty(back.Rejections);
        var row = Assert.Single(back.Rows);
        Assert.Equal((o.Id, 3), (row.Id, row.Line));
        Assert.Equal(new ObservationSubject("displacement", "CAF", "Haute-Kotto", new DateOnly(2024, 3, 1)), row.Subject);
        Assert.True(row.Content.SameAs(o));
        Assert.Equal(text, ObservationCsv.ToText([o], new Dictionary<Guid, string> { [owner] = "AU" }));
    }

    [Fact]
    public void A_semicolon_separated_file_with_lf_line_ends_reads_like_a_comma_separated_one()
    {
        var r = ObservationCsv.Read(Header.Replace(',', ';') + "\n" + Hxl.Replace(',', ';') + "\n" +
            "displacement;CAF;Ouaka;2024-03;1200.5;OCHA, flash update;B;2;Partners;\"Bambari; mostly\"\n\n" +
            "protests;CAF;;2024-04;3;Press;C;3;Public;\n", Today);
        Assert.Empty(r.Rejections);
        Assert.Equal(2, r.Rows.Count);
        Assert.Equal((3, 1200.5, "OCHA, flash update", "Bambari; mostly"), (r.Rows[0].Line, r.Rows[0].Content.Value, r.Rows[0].Content.Source, r.Rows[0].Content.Note));
        // The blank line 4 is skipped; lines stay the physical ones.
        Assert.Equal((5, "protests"), (r.Rows[1].Line, r.Rows[1].Subject.IndicatorCode));
    }

    [Fact]
    public void Columns_are_found_by_hashtag_whatever_their_header_and_errors_name_the_file_s_header()
    {
        var r = Read("Credibility,Reliability,Source,Value,Month,Country,Indicator,Classification,Observation id,Remarks",
            "#meta+credibility,#meta+reliability,#meta+source,#indicator+num+value,#date+month,#country+code,#indicator+code,#meta+classification,#meta+id,#description",
            "2,B,OCHA,1200,2024-03,CAF,displacement,Partners,,seen",
            "9,Z,OCHA,1,2024-04,CAF,displacement,Partners,nope,",
            "2,B,OCHA,1,2024-05,CAF,displacement,Partners,,");
        Assert.Equal([(4, "Observation id", "'nope' is not an observation id.")], r.Rejections.Select(x => (x.Line, x.Column, x.Reason)));
        Assert.Equal(2, r.Rows.Count);
        Assert.Equal(("displacement", "CAF", 1200d, "B", 2, "seen"), (r.Rows[0].Subject.IndicatorCode, r.Rows[0].Subject.CountryIso3,
            r.Rows[0].Content.Value, r.Rows[0].Content.SourceReliability, r.Rows[0].Content.InformationCredibility, r.Rows[0].Content.Note));

        // A domain rule's error (field sourceReliability) lands on the column that holds the reliability, by its header in the file.
        var graded = Read("Credibility,Reliability,Source,Value,Month,Country,Indicator,Classification",
            "#meta+credibility,#meta+reliability,#meta+source,#indicator+value+num,#date+month,#country+code,#indicator+code,#meta+classification",
            "9,Z,OCHA,1,2024-04,CAF,displacement,Partners");
        Assert.Equal([(3, "Credibility"), (3, "Reliability")], graded.Rejections.Select(x => (x.Line, x.Column)).Order());
    }

    [Fact]
    public void A_missing_required_column_is_named_on_the_header_line()
    {
        var r = Read(Header.Replace(",source_reliability,", ","), Hxl.Replace(",#meta+reliability,", ","), "displacement,CAF,,2024-03,1,OCHA,2,Partners,");
        var missing = Assert.Single(r.Rejections);
        Assert.Equal((2, "source_reliability"), (missing.Line, missing.Column));
        Assert.Contains("#meta+reliability", missing.Reason);
        Assert.Empty(r.Rows);
        // Without a hashtag row the header row is line 1.
        Assert.Equal([(1, "source_reliability")], Read(Header.Replace(",source_reliability,", ","), "displacement,CAF,,2024-03,1,OCHA,2,Partners,")
            .Rejections.Select(x => (x.Line, x.Column)));
    }

    [Fact]
    public void Rows_with_a_different_number_of_fields_than_the_header_are_rejected()
    {
        var r = Read(Header, "displacement,CAF,,2024-03,1,OCHA, flash,B,2,Partners,");
        Assert.Equal("line 2, row: 11 fields where the header has 10.", Assert.Single(r.Rejections).ToString());
    }
}
