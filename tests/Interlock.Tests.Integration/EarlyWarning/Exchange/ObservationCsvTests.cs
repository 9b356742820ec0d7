using System.Net;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.EarlyWarning.Exchange;

/// <summary>CSV with HXL hashtags: export then import is a no-op, a changed row is a revision, a bad file writes nothing and names each line.</summary>
public abstract class ObservationCsvTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : ObservationCsvTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : ObservationCsvTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Export_and_reimport_changes_nothing_and_an_edited_value_becomes_a_revision()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var month = ExchangeCalls.UniqueMonth();
        await a.SubmitObservationAsync(ExchangeCalls.Observation("confidential", month, value: 10, admin1: "Ouaka, \"north\""));
        await a.SubmitObservationAsync(ExchangeCalls.Observation("public", month, indicator: "protests", value: 3));

        var export = await a.GetAsync($"/api/v1/observations/export.csv?owner=AU&from={month}&to={month}");
        await export.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,owner,indicator", lines[0]);
        Assert.StartsWith("#meta+id,#org+code,#indicator+code", lines[1]);
        Assert.Equal(4, lines.Length);

        var same = await (await a.UploadCsvAsync(csv)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, 0, 0, 2), (same["rows"]!.GetValue<int>(), same["created"]!.GetValue<int>(), same["revised"]!.GetValue<int>(), same["unchanged"]!.GetValue<int>()));

        var edited = csv.Replace(",protests,CAF,,", ",protests,CAF,,").Replace($",{month},3,", $",{month},4,");
        var changed = await (await a.UploadCsvAsync(edited)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 1), (changed["revised"]!.GetValue<int>(), changed["unchanged"]!.GetValue<int>()));
        var ownerId = await App.OrganizationIdAsync("AU");
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
        var protest = await App.WithDbAsync(db => db.Observations.AsNoTracking().SingleAsync(o => o.OwnerOrganizationId == ownerId &&
            o.IndicatorCode == "protests" && o.Month == first));
        Assert.Equal((2, 4d), (protest.Revision, protest.Value));
    }

    [Fact]
    public async Task A_semicolon_file_with_a_byte_order_mark_and_its_own_headers_is_read_by_its_hashtags()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var month = ExchangeCalls.UniqueMonth();
        var csv = "\uFEFFPays;Indicateur;Mois;Valeur;Source;Fiabilité;Crédibilité;Classification;Remarque\r\n" +
            "#country+code;#indicator+code;#date+month;#indicator+value+num;#meta+source;#meta+reliability;#meta+credibility;#meta+classification;#description\r\n" +
            $"CAF;displacement;{month};250.5;\"OCHA; flash update\";B;2;Partners;Ouham, west\r\n";
        var created = await (await a.UploadCsvAsync(csv)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 1), (created["rows"]!.GetValue<int>(), created["created"]!.GetValue<int>()));
        var again = await (await a.UploadCsvAsync(csv)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, again["unchanged"]!.GetValue<int>());

        var missing = await (await a.UploadCsvAsync(csv.Replace(";Fiabilité", "").Replace(";#meta+reliability", "").Replace(";B;", ";")))
            .ExpectJsonAsync(HttpStatusCode.BadRequest);
        var rejection = Assert.Single(missing["rejections"]!.AsArray());
        Assert.Equal((2, "source_reliability"), (rejection!["line"]!.GetValue<int>(), rejection["column"].Str()));
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_names_each_line_and_column()
    {
        var (_, a) = await App.ApiUserAsync("AU", Role.Contributor);
        var (_, b) = await App.ApiUserAsync("ECOWAS", Role.Contributor);
        var foreign = (await b.SubmitObservationAsync(ExchangeCalls.Observation("public", ExchangeCalls.UniqueMonth())))["id"]!.GetValue<Guid>();
        var before = await App.WithDbAsync(db => db.Observations.CountAsync());
        var month = ExchangeCalls.UniqueMonth();
        var csv = string.Join("\n",
            "id,indicator,country,admin1,month,value,source,source_reliability,information_credibility,classification,note",
            "#meta+id,#indicator+code,#country+code,#adm1+name,#date+month,#indicator+value+num,#meta+source,#meta+reliability,#meta+credibility,#meta+classification,#description",
            $",displacement,CAF,,{month},100,OCHA,B,2,Partners,fine",
            $",displacement,CAF,Ouaka,{month},many,OCHA,B,2,Partners,",
            $"{foreign},displacement,CAF,Lobaye,{month},1,OCHA,B,2,Partners,",
            $",sb-fatalities,CAF,,{month},1,OCHA,B,7,Partners,",
            "");
        var response = await a.UploadCsvAsync(csv);
        var problem = await response.ExpectJsonAsync(HttpStatusCode.BadRequest);
        var rejections = problem["rejections"]!.AsArray().Select(r => (r!["line"]!.GetValue<int>(), r["column"].Str())).ToList();
        Assert.Contains((4, "value"), rejections);
        Assert.Contains((5, "id"), rejections);
        Assert.Contains((6, "indicator"), rejections);
        Assert.Contains((6, "information_credibility"), rejections);
        Assert.DoesNotContain(rejections, r => r.Item1 == 3);
        Assert.Equal(before, await App.WithDbAsync(db => db.Observations.CountAsync()));
    }
}
