using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Interlock.Benchmarks;

// dotnet run -c Release --project benchmarks/Interlock.Benchmarks -- run [--events N] [--file PATH] [--seed S] [--repeat R] [--keep] [--markdown PATH] [--jit-cli]
//   (the database steps run the CLI as deployed: published for this runtime, ReadyToRun; --jit-cli runs the plain build instead)
// dotnet run -c Release --project benchmarks/Interlock.Benchmarks -- generate --out PATH [--events N] [--seed S]
// dotnet run -c Release --project benchmarks/Interlock.Benchmarks -- risk --sqlite PATH | --postgres CONNECTION
// dotnet run -c Release --project benchmarks/Interlock.Benchmarks -- series --sqlite PATH | --postgres CONNECTION
// dotnet run -c Release --project benchmarks/Interlock.Benchmarks -- recompute --sqlite PATH | --postgres CONNECTION [--runs N] [--rewrite]
//   (both steps of the full recompute, a first run and then N runs, median reported; --rewrite deletes the stored rows before each run)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var command = args.FirstOrDefault() ?? "run";
string? Opt(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var events = int.Parse(Opt("--events") ?? "1000000", CultureInfo.InvariantCulture);
var seed = int.Parse(Opt("--seed") ?? GedGenerator.DefaultSeed.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

if (command == "generate")
{
    var output = Opt("--out") ?? throw new ArgumentException("generate needs --out PATH");
    var clock = Stopwatch.StartNew();
    var bytes = GedGenerator.Generate(output, events, seed);
    Console.WriteLine($"Wrote {events:N0} events ({bytes / 1e6:N0} MB) to {output} in {clock.Elapsed.TotalSeconds:0.0} s (seed {seed}).");
    return 0;
}
if (command == "risk")
{
    // The indicators-and-risk step alone, on an existing database: risk --sqlite PATH | --postgres CONNECTION
    var m = Opt("--postgres") is { } pgcs ? Measurements.RiskRecompute("Interlock full recompute of indicators and risk (PostgreSQL)", "postgres", pgcs)
        : Measurements.RiskRecompute("Interlock full recompute of indicators and risk (SQLite)", "sqlite", $"Data Source={Opt("--sqlite") ?? throw new ArgumentException("risk needs --sqlite PATH or --postgres CONNECTION")}");
    Console.WriteLine($"{m.Name}: {m.Seconds:0.00} s" + (m.CpuSeconds is { } c ? $", cpu {c:0.00} s" : "") + $" ({m.Note}); {m.Events:N0} events");
    return 0;
}
if (command == "series")
{
    // The country-month step alone, on an existing database: series --sqlite PATH | --postgres CONNECTION
    var m = Opt("--postgres") is { } pgcs ? Measurements.Recompute("Interlock full recompute of country-months (PostgreSQL)", "postgres", pgcs)
        : Measurements.Recompute("Interlock full recompute of country-months (SQLite)", "sqlite", $"Data Source={Opt("--sqlite") ?? throw new ArgumentException("series needs --sqlite PATH or --postgres CONNECTION")}");
    Console.WriteLine($"{m.Name}: {m.Seconds:0.00} s" + (m.CpuSeconds is { } c ? $", cpu {c:0.00} s" : "") + $" ({m.Note}); {m.Events:N0} events");
    return 0;
}
if (command == "recompute")
{
    var runs = int.Parse(Opt("--runs") ?? "5", CultureInfo.InvariantCulture);
    if (Opt("--postgres") is { } pgcs) FullRecompute.Command("postgres", pgcs, runs, args.Contains("--rewrite"));
    else FullRecompute.Command("sqlite", $"Data Source={Opt("--sqlite") ?? throw new ArgumentException("recompute needs --sqlite PATH or --postgres CONNECTION")}",
        runs, args.Contains("--rewrite"));
    return 0;
}
if (command != "run")
{
    Console.Error.WriteLine("usage: run [--events N] [--file PATH] [--seed S] [--repeat R] [--keep] [--markdown PATH] | generate --out PATH [--events N] [--seed S]");
    return 2;
}

var repeat = int.Parse(Opt("--repeat") ?? "3", CultureInfo.InvariantCulture);
var recomputeRuns = int.Parse(Opt("--runs") ?? "5", CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), "interlock-bench-" + Environment.ProcessId);
Directory.CreateDirectory(work);
var file = Opt("--file") ?? Path.Combine(work, $"ged_{events}.csv");
var generated = false;
if (!File.Exists(file))
{
    Console.Write($"Generating {events:N0} events (seed {seed}) to {file}… ");
    var clock = Stopwatch.StartNew();
    GedGenerator.Generate(file, events, seed);
    generated = true;
    Console.WriteLine($"{new FileInfo(file).Length / 1e6:N0} MB in {clock.Elapsed.TotalSeconds:0.0} s");
}
var size = new FileInfo(file).Length;
var postgres = Environment.GetEnvironmentVariable("INTERLOCK_BENCH_POSTGRES") is { Length: > 0 } pg ? pg
    : Environment.GetEnvironmentVariable("INTERLOCK_TEST_POSTGRES");

var results = new List<Measurement>();
var loadAtStart = LoadAverage();
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
static long parseEvents(List<Measurement> all) => all.First(m => m.Name.StartsWith("Interlock parse", StringComparison.Ordinal)).Events;
void Show(Measurement m)
{
    results.Add(m);
    Console.WriteLine($"  {m.Name,-52} {m.Seconds,8:0.00} s  {m.EventsPerSecond,12:N0} events/s  {size / 1e6 / m.Seconds,7:N0} MB/s" +
                      (m.CpuSeconds is { } c ? $"  cpu {c:0.00} s" : "") +
                      (m.PeakBytes is { } p ? $"  peak {p / 1048576.0:N0} MB" : "") + (m.Note is { } n ? $"  ({n})" : ""));
}

try
{
    Console.WriteLine($"File: {file} ({size / 1e6:N0} MB); machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    Console.WriteLine($"Load average at start: {LoadAverage()}");
    Console.WriteLine($"In-process passes, interleaved, {repeat} rounds (the median of each is used):");
    var passes = new Dictionary<string, List<Measurement>>();
    for (var round = 0; round < repeat; round++)
    {
        foreach (var m in new Func<Measurement>[] { () => Measurements.BareSep(file), () => Measurements.InterlockParse(file), () => Measurements.DuckDb(file) }.Select(f => f()))
        {
            Show(m);
            (passes.TryGetValue(m.Name, out var list) ? list : passes[m.Name] = []).Add(m);
        }
    }
    results.Clear();
    var medians = passes.Values.Select(l => l.OrderBy(m => m.Seconds).ElementAt(l.Count / 2)).ToList();

    if (!args.Contains("--jit-cli"))
    {
        Console.Write("Publishing the CLI (Release, ReadyToRun)… ");
        Measurements.PublishedCli = Measurements.PublishCli(Path.Combine(work, "cli"));
        Console.WriteLine(Measurements.PublishedCli);
    }
    Console.WriteLine("Databases (child processes: the real CLI and the sqlite3 shell):");
    Show(Measurements.Sqlite3Shell(file, work));
    var sqliteDb = Path.Combine(work, "interlock.db");
    foreach (var f in new[] { sqliteDb, sqliteDb + "-journal", sqliteDb + "-wal" }) File.Delete(f);
    Show(Measurements.InterlockImport("Interlock import into SQLite (CLI, end to end)", file, "sqlite", $"Data Source={sqliteDb}"));
    var recomputes = new List<FullRecompute.Result>();
    void Recompute(string provider, string connection)
    {
        foreach (var rewrite in new[] { false, true })
        {
            var r = FullRecompute.InChild(provider, connection, recomputeRuns, rewrite);
            recomputes.Add(r);
            Console.WriteLine($"  {"Interlock full recompute (" + r.Database + (rewrite ? ", every row rewritten)" : ")"),-52} {r.Median.Seconds,8:0.00} s  ({r.Describe()})");
        }
    }
    Recompute("sqlite", $"Data Source={sqliteDb}");
    if (!string.IsNullOrWhiteSpace(postgres))
    {
        var name = "interlock_bench_" + Guid.NewGuid().ToString("N")[..12];
        var cs = Measurements.CreatePostgresDatabase(postgres, name);
        try
        {
            Show(Measurements.InterlockImport("Interlock import into PostgreSQL (CLI, binary COPY)", file, "postgres", cs));
            Recompute("postgres", cs);
        }
        finally { Measurements.DropPostgresDatabase(postgres, name); }
    }
    else Console.WriteLine("  (PostgreSQL skipped: set INTERLOCK_BENCH_POSTGRES to a server connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres)");

    var all = medians.Concat(results).ToList();
    Measurement Get(string prefix) => all.First(m => m.Name.StartsWith(prefix, StringComparison.Ordinal));
    var bare = Get("bare Sep");
    var parse = Get("Interlock parse");
    var duck = Get("DuckDB");
    var shell = Get("sqlite3 shell");
    var sqlite = Get("Interlock import into SQLite");
    var report = new List<string>
    {
        "",
        $"File {size / 1e6:N0} MB, {parseEvents(all):N0} events; load average at start {loadAtStart}, at the end {LoadAverage()} (2 cores).",
        "",
        "| step | seconds (wall) | CPU seconds | events/s | MB/s | peak memory |",
        "|---|---:|---:|---:|---:|---:|",
    };
    report.AddRange(all.Select(m => $"| {m.Name} | {m.Seconds:0.00} | {(m.CpuSeconds is { } c ? c.ToString("0.00") : "")} | {m.EventsPerSecond:N0} | {size / 1e6 / m.Seconds:N0} | " +
                                   (m.PeakBytes is { } p ? $"{p / 1048576.0:N0} MB" : "") + " |"));
    string Bar(bool ok) => ok ? "met" : "**MISSED**";
    var ratioBare = parse.EventsPerSecond / bare.EventsPerSecond;
    var ratioDuck = duck.Seconds / parse.Seconds;
    var ratioShell = sqlite.Seconds / shell.Seconds;
    var peakMb = (sqlite.PeakBytes ?? 0) / 1048576.0;
    report.AddRange([
        "",
        "| bar | measured | |",
        "|---|---|---|",
        $"| parse + validate ≥ 60 % of the bare Sep pass | {ratioBare:P0} | {Bar(ratioBare >= 0.60)} |",
        $"| parse + validate faster than DuckDB read_csv + GROUP BY | {ratioDuck:0.00}× (DuckDB time / Interlock time) | {Bar(ratioDuck > 1)} |",
        $"| SQLite import ≥ 100,000 events/s | {sqlite.EventsPerSecond:N0} events/s | {Bar(sqlite.EventsPerSecond >= 100_000)} |",
        $"| SQLite import within 2× of sqlite3 .import + GROUP BY | {ratioShell:0.00}× (Interlock time / sqlite3 time) | {Bar(ratioShell <= 2)} |",
        $"| peak memory of the import process < 400 MB | {peakMb:N0} MB (SQLite), " +
            $"{(all.FirstOrDefault(m => m.Name.Contains("PostgreSQL (CLI")) is { PeakBytes: { } pp } ? $"{pp / 1048576.0:N0} MB (PostgreSQL)" : "PostgreSQL not run")} | " +
            $"{Bar(peakMb < 400 && all.Where(m => m.PeakBytes is not null && m.Name.StartsWith("Interlock", StringComparison.Ordinal)).All(m => m.PeakBytes < 400L * 1048576))} |",
    ]);
    // The full recompute is both steps: the country-month series from the events, then the indicators and levels. The
    // bar is read on the usual case (the recompute finds what is stored); the worst case is shown beside it.
    foreach (var r in recomputes)
        report.Add($"| full recompute of all countries and months < 2 s ({r.Database}{(r.Rewrite ? ", every stored row rewritten" : "")}) | " +
                   $"{r.Median.Seconds:0.00} s median of {r.Runs.Count} (country-months {r.MedianSeries:0.00} s + indicators and risk levels {r.MedianRisk:0.00} s; " +
                   $"{r.Median.RowsWritten:N0} country-month rows and {r.Median.LevelsWritten:N0} levels written) | {Bar(r.Median.Seconds < 2)} |");
    var text = string.Join('\n', report);
    Console.WriteLine(text);
    if (Opt("--markdown") is { } md) File.WriteAllText(md, text + "\n");
    return 0;
}
finally
{
    if (generated && !args.Contains("--keep")) File.Delete(file);
    if (Directory.Exists(work) && !args.Contains("--keep")) Directory.Delete(work, recursive: true);
}
