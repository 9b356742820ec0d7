using Interlock.Tests.Integration.Cli;
using Xunit;
using static Interlock.Tests.Integration.EarlyWarning.EventFixtures;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>
/// Every kind of bad file, imported through the CLI into a database that already holds the real events: exit code 2,
/// an error naming the line and field, and the database exactly as before. The bad row comes after 1,848 good ones,
/// so those were written and then rolled back.
/// </summary>
public sealed class BadInputTests(CliDatabases databases) : IClassFixture<CliDatabases>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "interlock-bad-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Case name → (file text from the real file, the error text expected on standard error).</summary>
    private static (string Text, string Expected) Case(string name)
    {
        var real = RealGedText();
        var lastRecordLine = real.Count(c => c == '\n'); // the file ends with a newline, and its last record is one line
        string Append(string row) => real + row + "\n";
        return name switch
        {
            "truncated" => (real[..(real.Length - 30)], $"line {lastRecordLine}, record: has "),
            "wrong delimiter" => (real.Replace(',', ';'), "line 1, header: the columns are separated by ';'"),
            "missing columns" => (real.Replace("date_end,deaths_a", "date_finish,deaths_a").Replace(",best,high,", ",fatalities,high,"),
                "line 1, header: missing required columns: date_end, best."),
            "non-numeric fatalities" => (Append(Row("999001", best: "three")), $"line {lastRecordLine + 1}, best: 'three' is not a whole number"),
            "date out of range" => (Append(Row("999001", start: "2031-02-20")), $"line {lastRecordLine + 1}, date_start: 2031-02-20 is out of range"),
            "unknown country" => (Append(Row("999001", countryId: "999", country: "Atlantis")), $"line {lastRecordLine + 1}, country_id: unknown country"),
            "duplicate id" => (Append(Row("36210")), $"line {lastRecordLine + 1}, id: duplicate event id 36210: the same id is on line 2"),
            "empty file" => ("", "line 1, file: the file is empty"),
            _ => throw new ArgumentOutOfRangeException(name),
        };
    }

    /// <summary>A GED 23.1 row (49 columns) with the given values.</summary>
    private static string Row(string id, string best = "3", string start = "2009-02-20", string countryId = "482", string country = "Central African Republic") =>
        $"{id},0,2009,1,Clear,1,314,314,Uganda: Government,688,688,Government of Uganda - LRA,90,90,Government of Uganda,488,488,LRA,-1,x,,,,,5,x,x,,," +
        $"5.4,26.5,POINT (26.5 5.4),137213,{country},{countryId},Africa,1,1,{start} 00:00:00.000,2009-02-20 00:00:00.000,0,3,0,0,{best},3,3,500,";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        foreach (var name in new[] { "truncated", "wrong delimiter", "missing columns", "non-numeric fatalities", "date out of range", "unknown country", "duplicate id", "empty file" })
            data.Add(provider, name);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_bad_file_is_rejected_naming_the_line_and_field_and_leaves_the_database_unchanged(string provider, string name)
    {
        await using var database = await databases.SeededAsync(provider);
        var loaded = await database.RunAsync("import", "ucdp-ged", WriteFile(_dir, "real.csv", RealGedText()));
        Assert.True(loaded.ExitCode == 0, loaded.ToString());
        string before;
        await using (var db = database.Open()) before = await SnapshotAsync(db);

        var (text, expected) = Case(name);
        var result = await database.RunAsync("import", "ucdp-ged", WriteFile(_dir, "bad.csv", text));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: " + expected, result.Err);
        Assert.Contains("Nothing was imported", result.Err);
        await using (var db = database.Open()) Assert.Equal(before, await SnapshotAsync(db));
    }
}
