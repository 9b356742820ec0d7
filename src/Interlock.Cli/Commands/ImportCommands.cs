using System.CommandLine;
using System.Globalization;
using Interlock.Data;
using Interlock.EarlyWarning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary>
/// <c>interlock import ucdp-ged|acled FILE</c>, <c>interlock import views-series PATH</c> and
/// <c>interlock events recompute|build-views-series</c>: the conflict-event store from the command line.
/// </summary>
public static class ImportCommands
{
    public static Command Create(CliContext cli)
    {
        var import = new Command("import", "Load conflict events or a reference series into the early-warning store, or registry records from HXL CSV.");
        import.Subcommands.Add(EventFile(cli, "ucdp-ged", EventDatasets.UcdpGed,
            "Import a UCDP GED CSV file (any release; columns by name). All rows or none: one rejected row rejects the file."));
        import.Subcommands.Add(EventFile(cli, "acled", EventDatasets.Acled,
            "Import an ACLED CSV export. All rows or none: one rejected row rejects the file."));
        import.Subcommands.Add(ViewsSeries(cli));
        return import;
    }

    public static Command CreateEvents(CliContext cli)
    {
        var recompute = new Command("recompute", "Recompute the country-month series of every event dataset from all events, then every indicator and risk level.");
        recompute.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            var result = await cli.Out.WithStatusAsync("Recomputing country-months…", () => CountryMonthSeries.RecomputeAllAsync(db, token));
            cli.Out.WriteLine($"Recomputed {result.CountryMonths} country-months ({result.Written} stored rows changed) in {result.Elapsed.TotalSeconds:0.00} s.");
            await RiskCommands.RecomputeAsync(cli, db, token);
            return ExitCodes.Ok;
        }));

        var views = new Argument<DirectoryInfo>("viewsDirectory") { Description = "The VIEWS country-month folder (views_cm, with cm_actuals_*.csv)." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the compact CSV (iso3,month,ged_sb).", Required = true, HelpName = "FILE" };
        var build = new Command("build-views-series",
            "Build the compact reference series shipped in data/events/ from the VIEWS files (no database needed).") { views, output };
        build.SetAction((parse, ct) =>
        {
            var dir = parse.GetRequiredValue(views);
            if (!dir.Exists) { cli.Err.WriteError("<viewsDirectory>", $"no folder at '{dir.FullName}'."); return Task.FromResult(ExitCodes.InvalidInput); }
            var values = ReferenceSeries.BuildFromViews(dir.FullName);
            var file = parse.GetRequiredValue(output);
            using (var writer = new StreamWriter(file.FullName, false, new System.Text.UTF8Encoding(false))) ReferenceSeries.WriteCsv(values, writer);
            cli.Out.WriteLine($"Wrote {values.Count} country-months of {values.Select(v => v.Iso3).Distinct().Count()} countries " +
                              $"({values.Min(v => v.Month):yyyy-MM} to {values.Max(v => v.Month):yyyy-MM}) to {file.FullName}.");
            return Task.FromResult(ExitCodes.Ok);
        });

        var events = new Command("events", "Maintain the conflict-event store and its country-month series.");
        events.Subcommands.Add(recompute);
        events.Subcommands.Add(build);
        return events;
    }

    private static Option<string> OrgOption() => new("--org")
    {
        Description = "Code of the organization the new events belong to. Default: UN (the secretariat).",
        HelpName = "CODE",
        DefaultValueFactory = _ => DatabaseInitializer.SecretariatCode,
    };

    private static Command EventFile(CliContext cli, string name, string dataset, string description)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file." };
        var org = OrgOption();
        var command = new Command(name, description) { file, org };
        command.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists) throw new CliInputException("<file>", $"no file at '{path.FullName}'.");
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            var owner = await OwnerAsync(db, parse.GetValue(org)!, token);

            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var progress = new LatestProgress();
            var options = new ImportOptions { OwnerOrganizationId = owner, FileName = path.Name, Progress = progress, TotalBytes = path.Length };
            var result = await WithProgressAsync(cli, progress, path.Name, () => EventImporter.ImportAsync(db, dataset, stream, options, token));
            return Report(cli, database, result);
        }));
        return command;
    }

    private static Command ViewsSeries(CliContext cli)
    {
        var path = new Argument<string>("path")
        {
            Description = "A compact series CSV (iso3,month,ged_sb, as in data/events/) or a VIEWS country-month folder (views_cm).",
        };
        var command = new Command("views-series",
            $"Replace the reference series '{EventDatasets.ViewsGedSb}' (VIEWS state-based fatalities per country-month).") { path };
        command.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var source = parse.GetRequiredValue(path);
            List<SeriesValue> values;
            try
            {
                if (Directory.Exists(source)) values = ReferenceSeries.BuildFromViews(source);
                else if (File.Exists(source)) { await using var s = File.OpenRead(source); values = ReferenceSeries.ReadCsv(s, Path.GetFileName(source)); }
                else throw new CliInputException("<path>", $"no file or folder at '{Path.GetFullPath(source)}'.");
            }
            catch (FormatException e) { throw new CliInputException("<path>", e.Message); }
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            var result = await ReferenceSeries.LoadAsync(db, EventDatasets.ViewsGedSb, values, Path.GetFileName(source), token);
            cli.Out.WriteLine($"Series {EventDatasets.ViewsGedSb}: {values.Count} country-months; inserted {result.Inserted}, updated {result.Updated}, " +
                              $"removed {result.Deleted}, unchanged {result.Unchanged}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<Guid> OwnerAsync(InterlockDbContext db, string code, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Code == code.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
        ?? throw new CliInputException("--org", $"no organization has the code '{code}' (run 'interlock seed' for the reference organizations).");

    /// <summary>A progress bar on a terminal; elsewhere a line on standard error at most twice a second (scripts and tests read it).</summary>
    private static async Task<ImportResult> WithProgressAsync(CliContext cli, LatestProgress progress, string name, Func<Task<ImportResult>> work)
    {
        if (cli.Err.Profile.Capabilities.Interactive)
        {
            return await cli.Err.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask(Markup.Escape(name), maxValue: 1000);
                    var running = work();
                    while (!running.IsCompleted)
                    {
                        Update(bar, progress.Latest, name);
                        await Task.WhenAny(running, Task.Delay(100));
                    }
                    Update(bar, progress.Latest, name);
                    bar.StopTask();
                    return await running;
                });
        }
        var task = work();
        var lastRows = -1L;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(500));
            if (progress.Latest is { } p && p.Rows != lastRows && !task.IsCompleted)
            {
                lastRows = p.Rows;
                cli.Err.WriteVerbatim(string.Create(CultureInfo.InvariantCulture,
                    $"progress: {p.Rows} rows, {p.Bytes / 1e6:0.0} MB{(p.Fraction is { } f ? $" ({f:P0})" : "")}, {p.Stage}"));
            }
        }
        return await task;
    }

    private static void Update(ProgressTask bar, ImportProgress? p, string name)
    {
        if (p is not { } progress) return;
        bar.Value = progress.Fraction is { } f ? f * 1000 : bar.Value;
        bar.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{name}: {progress.Rows:N0} rows, {progress.Stage}"));
    }

    private static int Report(CliContext cli, CliContext.DatabaseTarget database, ImportResult result)
    {
        if (!result.Succeeded)
        {
            foreach (var r in result.Rejections) cli.Err.WriteError(null, r.ToString());
            var more = result.RejectedRows > result.Rejections.Count ? $" (the first {result.Rejections.Count} problems are listed)" : "";
            cli.Err.WriteVerbatim($"rejected: {result.RejectedRows} of {result.Rows} rows{more}. Nothing was imported: fix the file and run the import again.");
            return ExitCodes.InvalidInput;
        }
        cli.Out.MarkupLine($"Database: {Markup.Escape(database.Description)}");
        var table = new Table().AddColumn(Markup.Escape(result.FileName)).AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("Rows read", result.Rows.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Inserted", result.Inserted.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Updated", result.Updated.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Unchanged", result.Unchanged.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Rejected", "0");
        table.AddRow("Country-months recomputed", result.CountryMonthsRecomputed.ToString(CultureInfo.InvariantCulture));
        cli.Out.Write(table);
        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported: {result.Rows} rows ({result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged, 0 rejected) " +
            $"as batch {result.BatchId} in {result.Elapsed.TotalSeconds:0.00} s " +
            $"({string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:0.00} s"))})"));
        return ExitCodes.Ok;
    }

    /// <summary>Keeps the last report; the reader thread writes it, the display loop reads it.</summary>
    private sealed class LatestProgress : IProgress<ImportProgress>
    {
        private readonly Lock _gate = new();
        private ImportProgress? _latest;

        public ImportProgress? Latest
        {
            get { lock (_gate) return _latest; }
        }

        public void Report(ImportProgress value)
        {
            lock (_gate) _latest = value;
        }
    }
}
