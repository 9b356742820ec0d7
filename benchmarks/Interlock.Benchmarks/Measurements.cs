using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Interlock.Data;
using Interlock.EarlyWarning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using nietras.SeparatedValues;
using Npgsql;

namespace Interlock.Benchmarks;

/// <summary>One timed step: how long it took and how many events it handled.</summary>
public sealed record Measurement(string Name, double Seconds, long Events, long? PeakBytes = null, string? Note = null, double? CpuSeconds = null)
{
    public double EventsPerSecond => Events / Seconds;
}

/// <summary>The steps the benchmark times, each on the same generated file.</summary>
public static class Measurements
{
    /// <summary>The limit for any parser built on Sep: read every field of every row, as Interlock's reader is set up.</summary>
    private static TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime;

    public static Measurement BareSep(string path)
    {
        var cpu = Cpu;
        var clock = Stopwatch.StartNew();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        long rows = 0, chars = 0;
        foreach (var row in reader)
        {
            rows++;
            for (var i = 0; i < row.ColCount; i++) chars += row[i].Span.Length;
        }
        GC.KeepAlive(chars);
        return new Measurement("bare Sep pass (every field)", clock.Elapsed.TotalSeconds, rows, CpuSeconds: (Cpu - cpu).TotalSeconds);
    }

    /// <summary>Interlock's reader over the whole file: parse, validate, map countries, find duplicates; nothing stored.</summary>
    public static Measurement InterlockParse(string path)
    {
        var cpu = Cpu;
        var clock = Stopwatch.StartNew();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var (valid, reader) = EventImporter.Validate(EventDatasets.UcdpGed, file);
        if (reader.HasRejections) throw new InvalidOperationException("The generated file has rejections: " + string.Join("; ", reader.Rejections.Take(3)));
        return new Measurement("Interlock parse + validate", clock.Elapsed.TotalSeconds, valid, CpuSeconds: (Cpu - cpu).TotalSeconds);
    }

    public const string GroupBySqlite = "SELECT country_id, substr(date_start, 1, 7) AS month, count(*), sum(best) FROM ged GROUP BY 1, 2";

    /// <summary>DuckDB reads the CSV (its own parallel reader) and groups by country and month, in process.</summary>
    public static Measurement DuckDb(string path)
    {
        var cpu = Cpu;
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT country_id, date_trunc('month', CAST(date_start AS TIMESTAMP)) AS month, count(*) AS events, sum(best) AS best
            FROM read_csv('{path.Replace("'", "''")}', header = true, quote = '"', escape = '"')
            GROUP BY ALL
            """;
        long groups = 0, events = 0;
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) { groups++; events += reader.GetInt64(2); }
        return new Measurement("DuckDB read_csv + GROUP BY country, month", clock.Elapsed.TotalSeconds, events, Note: $"{groups} groups",
            CpuSeconds: (Cpu - cpu).TotalSeconds);
    }

    /// <summary>The sqlite3 shell: <c>.import</c> of the file into a fresh database, then the same GROUP BY.</summary>
    public static Measurement Sqlite3Shell(string path, string workDir)
    {
        var db = Path.Combine(workDir, "sqlite3-shell.db");
        File.Delete(db);
        var result = ChildProcess.Run("sqlite3", [db, ".mode csv", $".import '{path}' ged", GroupBySqlite], null);
        if (result.ExitCode != 0) throw new InvalidOperationException($"sqlite3 failed: {result.Err}");
        var groups = result.Out.Count(c => c == '\n');
        var events = ChildProcess.Run("sqlite3", [db, "SELECT count(*) FROM ged"], null).Out.Trim();
        File.Delete(db);
        return new Measurement("sqlite3 shell .import + GROUP BY country, month", result.Seconds, long.Parse(events, CultureInfo.InvariantCulture),
            result.PeakBytes, $"{groups} groups", result.CpuSeconds);
    }

    /// <summary>The real CLI, <c>interlock import ucdp-ged FILE</c>, in a child process: end to end, with its peak memory.</summary>
    public static Measurement InterlockImport(string name, string path, string provider, string connection)
    {
        foreach (var setup in new[] { new[] { "db", "migrate" }, ["seed"] })
        {
            var r = Cli([.. setup, "--provider", provider, "--connection", connection]);
            if (r.ExitCode != 0) throw new InvalidOperationException($"interlock {string.Join(' ', setup)} failed: {r.Err}");
        }
        var result = Cli(["import", "ucdp-ged", path, "--provider", provider, "--connection", connection]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"interlock import failed ({result.ExitCode}): {result.Err}\n{result.Out}");
        var line = result.Out.Split('\n').FirstOrDefault(l => l.StartsWith("imported:", StringComparison.Ordinal)) ?? "";
        var rows = long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
        return new Measurement(name, result.Seconds, rows, result.PeakBytes, line.Trim(), result.CpuSeconds);
    }

    /// <summary>
    /// The full recompute of every event series, in process, on the database the import filled; run twice like the
    /// risk step: the first run pays for loading and compiling the code, the second (reported) is what a running server pays.
    /// </summary>
    public static Measurement Recompute(string name, string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connection,
        }).Build();
        var options = new DbContextOptionsBuilder<InterlockDbContext>();
        DatabaseSetup.Configure(options, config);
        long events;
        using (var db = new InterlockDbContext(options.Options)) events = db.ConflictEvents.LongCount();
        CountryMonthSeries.RecomputeResult Run()
        {
            using var db = new InterlockDbContext(options.Options);
            return CountryMonthSeries.RecomputeAllAsync(db).GetAwaiter().GetResult();
        }
        var cold = Run();
        var cpu = Cpu;
        var result = Run();
        // CPU of this process only: on PostgreSQL the work is the server's.
        return new Measurement(name, result.Elapsed.TotalSeconds, events,
            Note: $"{result.CountryMonths} country-months, {result.Written} rows written; first run in the process {cold.Elapsed.TotalSeconds:0.00} s",
            CpuSeconds: provider == "sqlite" ? (Cpu - cpu).TotalSeconds : null);
    }

    /// <summary>
    /// The full recompute of every derived indicator value and country-month risk level (after the series), run twice in
    /// this process: the first run pays for loading and compiling the code (as a CLI run does), the second is what a
    /// running server pays. The second is reported; the first is in the note.
    /// </summary>
    public static Measurement RiskRecompute(string name, string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider, [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connection,
        }).Build();
        var options = new DbContextOptionsBuilder<InterlockDbContext>();
        DatabaseSetup.Configure(options, config);
        long events;
        using (var db = new InterlockDbContext(options.Options)) events = db.ConflictEvents.LongCount();
        TimeSpan Run(out Interlock.EarlyWarning.Risk.RiskRecomputeResult result)
        {
            using var db = new InterlockDbContext(options.Options);
            result = Interlock.EarlyWarning.Risk.RiskRecompute.RecomputeAllAsync(db).GetAwaiter().GetResult();
            return result.Elapsed;
        }
        var cold = Run(out _);
        var cpu = Cpu;
        var warm = Run(out var r);
        return new Measurement(name, warm.TotalSeconds, events,
            Note: $"{r.IndicatorValues:N0} indicator values, {r.CountryMonths:N0} country-month levels; first run in the process {cold.TotalSeconds:0.00} s",
            CpuSeconds: provider == "sqlite" ? (Cpu - cpu).TotalSeconds : null);
    }

    /// <summary>The CLI the database steps run: the published one (<see cref="PublishCli"/>), else the build next to this program.</summary>
    public static string? PublishedCli { get; set; }

    private static ChildProcess.Result Cli(string[] args) => PublishedCli is { } cli
        ? ChildProcess.Run(cli, args, Path.GetDirectoryName(cli))
        : ChildProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "interlock.dll"), .. args], AppContext.BaseDirectory);

    /// <summary>
    /// Publishes the CLI as it is deployed (docs/cli.md): Release, for this machine's runtime, precompiled (ReadyToRun).
    /// Returns the path of the executable. The repository is found above this program's folder.
    /// </summary>
    public static string PublishCli(string outputDirectory)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "src", "Interlock.Cli", "Interlock.Cli.csproj"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("The repository (src/Interlock.Cli) was not found above " + AppContext.BaseDirectory);
        var project = Path.Combine(dir.FullName, "src", "Interlock.Cli", "Interlock.Cli.csproj");
        var result = ChildProcess.Run("dotnet", ["publish", project, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-o", outputDirectory, "--nologo"], dir.FullName);
        if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet publish of the CLI failed:\n{result.Out}\n{result.Err}");
        return Path.Combine(outputDirectory, "interlock");
    }

    public static string CreatePostgresDatabase(string server, string name)
    {
        using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, c);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static void DropPostgresDatabase(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", c);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>Runs a program, timing it and sampling its peak resident memory (VmHWM) while it runs.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Out, string Err, double Seconds, long? PeakBytes, double? CpuSeconds);

    public static Result Run(string file, IEnumerable<string> args, string? workDir)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (workDir is not null) start.WorkingDirectory = workDir;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long? peak = null;
        double? cpu = null;
        while (!process.WaitForExit(20))
        {
            peak = HighWaterMark(process.Id) ?? peak;
            cpu = CpuSeconds(process.Id) ?? cpu;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(process.ExitCode, output.Result, error.Result, seconds, peak, cpu);
    }

    /// <summary>User + system CPU of the process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return null; }
    }

    /// <summary>VmHWM: the most resident memory the process has had (monotonic, so the last sample is the peak so far).</summary>
    private static long? HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
