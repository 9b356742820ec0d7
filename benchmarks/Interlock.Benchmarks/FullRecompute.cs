using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Interlock.Benchmarks;

/// <summary>
/// The full recompute as a running server pays it: the country-month series of every event dataset from all events,
/// then every derived indicator and risk level, on a database an import filled. Run in a process of its own (the
/// <c>recompute</c> command; <c>run</c> starts it as a child), so the in-process passes before it (DuckDB's threads and
/// memory, Sep's buffers) do not weigh on it. One first run pays for loading and compiling the code; then
/// <c>runs</c> runs, whose median is reported.
/// <para>With <c>rewrite</c>, the stored series and levels are deleted before each run (not timed), so that every row is
/// written again: the worst case. Without, the recompute finds what the import stored and writes only what differs.</para>
/// </summary>
public static class FullRecompute
{
    public sealed record Run(double SeriesSeconds, double RiskSeconds, int CountryMonths, int RowsWritten, int Levels, int LevelsWritten, int IndicatorValues)
    {
        public double Seconds => SeriesSeconds + RiskSeconds;
    }

    public sealed record Result(string Database, bool Rewrite, Run First, IReadOnlyList<Run> Runs)
    {
        public Run Median => Runs.OrderBy(r => r.Seconds).ElementAt(Runs.Count / 2);
        public double MedianSeries => Runs.Select(r => r.SeriesSeconds).Order().ElementAt(Runs.Count / 2);
        public double MedianRisk => Runs.Select(r => r.RiskSeconds).Order().ElementAt(Runs.Count / 2);

        public string Describe() =>
            $"{Median.Seconds:0.00} s median of {Runs.Count} (min {Runs.Min(r => r.Seconds):0.00}, max {Runs.Max(r => r.Seconds):0.00}; " +
            $"country-months {MedianSeries:0.00} s + indicators and risk {MedianRisk:0.00} s); " +
            $"{Median.CountryMonths:N0} country-months ({Median.RowsWritten:N0} rows written), {Median.Levels:N0} levels ({Median.LevelsWritten:N0} written), " +
            $"{Median.IndicatorValues:N0} indicator values; first run in the process {First.Seconds:0.00} s";
    }

    public static Result Measure(string provider, string connection, int runs, bool rewrite)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connection,
        }).Build();
        var options = new DbContextOptionsBuilder<InterlockDbContext>();
        DatabaseSetup.Configure(options, config);

        Run Once()
        {
            if (rewrite)
            {
                using var clear = new InterlockDbContext(options.Options);
                // The dataset names are the application's constants, not input.
                var sql = $"""DELETE FROM "CountryMonths" WHERE "Series" IN ({string.Join(", ", EventDatasets.EventSets.Select(d => $"'{d}'"))}); DELETE FROM "CountryRisks";""";
                clear.Database.ExecuteSqlRaw(sql);
            }
            using var db = new InterlockDbContext(options.Options);
            var series = CountryMonthSeries.RecomputeAllAsync(db).GetAwaiter().GetResult();
            db.ChangeTracker.Clear();
            var risk = RiskRecompute.RecomputeAllAsync(db).GetAwaiter().GetResult();
            return new Run(series.Elapsed.TotalSeconds, risk.Elapsed.TotalSeconds, series.CountryMonths, series.Written, risk.CountryMonths,
                risk.LevelsWritten, risk.IndicatorValues);
        }

        var first = Once();
        var measured = new List<Run>();
        for (var i = 0; i < runs; i++) measured.Add(Once());
        return new Result(provider == "postgres" ? "PostgreSQL" : "SQLite", rewrite, first, measured);
    }

    private const string ResultPrefix = "RESULT ";

    /// <summary>The <c>recompute</c> command: measures and prints the result, with one line the parent process reads.</summary>
    public static void Command(string provider, string connection, int runs, bool rewrite)
    {
        var result = Measure(provider, connection, runs, rewrite);
        Console.WriteLine($"Full recompute ({result.Database}{(rewrite ? ", every stored row rewritten" : "")}): {result.Describe()}");
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
    }

    /// <summary>Runs the <c>recompute</c> command of this program in a child process.</summary>
    public static Result InChild(string provider, string connection, int runs, bool rewrite)
    {
        string[] args = [Path.Combine(AppContext.BaseDirectory, "Interlock.Benchmarks.dll"), "recompute", provider == "postgres" ? "--postgres" : "--sqlite",
            provider == "postgres" ? connection : connection["Data Source=".Length..], "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. rewrite ? new[] { "--rewrite" } : []];
        var child = ChildProcess.Run("dotnet", args, AppContext.BaseDirectory);
        var line = child.Out.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null) throw new InvalidOperationException($"recompute failed ({child.ExitCode}): {child.Err}\n{child.Out}");
        return JsonSerializer.Deserialize<Result>(line[ResultPrefix.Length..])!;
    }
}
