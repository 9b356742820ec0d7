using System.Text;
using Interlock.EarlyWarning.Observations;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

public sealed class ObservationCsvTests
{
    private static readonly DateOnly Today = new(2024, 6, 10);
    private const string Header = "indicator,country,admin1,month,value,source,source_reliability,information_credibility,classification,note";
    private const string Hxl = "#indicator+code,#country+code,#adm1+name,#date+month,#indicator+value+num,#meta+source,#meta+reliability,#meta+credibility,#meta+classification,#description";

    private static ObservationCsv.ReadResult Read(params string[] lines) =>
        ObservationCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")), Today);

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
    public void Export_then_read_gives_back_the_same_content()
    {
        var owner = Guid.NewGuid();
        var o = ObservationWriter.Create(owner, new ObservationSubject("displacement", "CAF", "Haute-Kotto", new DateOnly(2024, 3, 1)),
            new ObservationContent(1234.5, "OCHA, \"flash\" update", "C", 3, "line one\nline two", Classification.Confidential), DateTimeOffset.UnixEpoch, "x");
        var text = ObservationCsv.ToText([o], new Dictionary<Guid, string> { [owner] = "AU" });
        var back = ObservationCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), Today);
        Assert.Empty(back.Rejections);
        var row = Assert.Single(back.Rows);
        Assert.Equal(o.Id, row.Id);
        Assert.True(row.Content.SameAs(o));
    }
}
