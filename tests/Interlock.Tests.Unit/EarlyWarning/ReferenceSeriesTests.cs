using Interlock.EarlyWarning;

namespace Interlock.Tests.Unit.EarlyWarning;

public sealed class ReferenceSeriesTests
{
    private const string SharedViews = "/work/shared/data/views_cm";

    [Theory]
    [InlineData(1, 1980, 1)]
    [InlineData(457, 2018, 1)]
    [InlineData(466, 2018, 10)]
    [InlineData(504, 2021, 12)]
    [InlineData(532, 2024, 4)]
    public void VIEWS_month_ids_count_from_January_1980(int id, int year, int month) =>
        Assert.Equal(new DateOnly(year, month, 1), ReferenceSeries.MonthOfViewsId(id));

    [Fact]
    public void VIEWS_Serbia_340_is_Serbia_345_of_UCDP()
    {
        Assert.Equal("SRB", CountryCodes.Default.FromViewsGleditschWard(340));
        Assert.Equal("SRB", CountryCodes.Default.FromViewsGleditschWard(345));
        Assert.Null(CountryCodes.Default.FromGleditschWard(340));
    }

    [Fact]
    public void The_shipped_series_has_every_country_month_of_VIEWS_with_the_published_totals()
    {
        using var file = ShippedEventData.Open(ShippedEventData.SeriesFile);
        var values = ReferenceSeries.ReadCsv(file, ShippedEventData.SeriesFile);

        Assert.Equal(191 * 76, values.Count); // 191 countries, January 2018 to April 2024
        Assert.Equal(191, values.Select(v => v.Iso3).Distinct().Count());
        var byYear = values.GroupBy(v => v.Month.Year).ToDictionary(g => g.Key, g => g.Sum(v => v.StateBased));
        // Totals stated in the sources: original actuals 2018–2021, later release 2022 and 2023.
        Assert.Equal(55187, byYear[2018]);
        Assert.Equal(51886, byYear[2019]);
        Assert.Equal(50181, byYear[2020]);
        Assert.Equal(84287, byYear[2021]);
        Assert.Equal(277259, byYear[2022]);
        Assert.Equal(122721, byYear[2023]);
    }

    [Fact]
    public void The_shipped_series_is_exactly_what_the_builder_makes_from_the_VIEWS_files()
    {
        if (!Directory.Exists(SharedViews)) Assert.Skip($"The VIEWS source files are not at {SharedViews}; this provenance check needs them.");
        var built = new StringWriter();
        ReferenceSeries.WriteCsv(ReferenceSeries.BuildFromViews(SharedViews), built);
        using var shipped = new StreamReader(ShippedEventData.Open(ShippedEventData.SeriesFile));
        Assert.Equal(built.ToString(), shipped.ReadToEnd());
    }

    [Fact]
    public void A_bad_series_row_names_its_line_and_column()
    {
        var text = "iso3,month,ged_sb\nCAF,2020-01,3\nCAF,2020-13,3\n";
        var e = Assert.Throws<FormatException>(() => ReferenceSeries.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "s.csv"));
        Assert.Contains("s.csv line 3, month", e.Message);
    }
}
