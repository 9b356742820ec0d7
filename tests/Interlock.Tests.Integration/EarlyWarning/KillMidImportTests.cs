using System.Diagnostics;
using System.Text;
using Interlock.Tests.Integration.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Interlock.Tests.Integration.EarlyWarning.EventFixtures;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>
/// Crash safety: the real <c>interlock</c> executable imports a large file in a child process, which is killed as soon as
/// it reports progress. The database must be exactly as before, and running the import again must complete.
/// </summary>
public sealed class KillMidImportTests(CliDatabases databases) : IClassFixture<CliDatabases>, IDisposable
{
    public static TheoryData<string> Providers => EventFixtures.Providers;
    private const int Events = 400_000;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "interlock-kill-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>400,000 short GED rows across a few countries and 30 years (about 25 MB).</summary>
    private string LargeFile()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "large.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,type_of_violence,country_id,adm_1,date_start,date_end,best,latitude,longitude\n");
        int[] countries = [482, 432, 436, 490, 625, 530, 475];
        for (var i = 1; i <= Events; i++)
        {
            var day = new DateOnly(1990, 1, 1).AddDays(i % 11000);
            writer.Write($"{10_000_000 + i},{i % 3 + 1},{countries[i % countries.Length]},Area {i % 17},{day:yyyy-MM-dd},{day:yyyy-MM-dd},{i % 9},{i % 50}.5,{i % 40}.25\n");
        }
        return path;
    }

    private static string CliDll => typeof(Interlock.Cli.CliApp).Assembly.Location;

    [Theory, MemberData(nameof(Providers))]
    public async Task Killing_the_import_process_midway_leaves_the_database_as_it_was_and_a_rerun_completes(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var before = await database.RunAsync("import", "ucdp-ged", WriteFile(_dir, "real.csv", RealGedText()));
        Assert.True(before.ExitCode == 0, before.ToString());
        string snapshot;
        await using (var db = database.Open()) snapshot = await SnapshotAsync(db);
        var large = LargeFile();

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList = { CliDll, "import", "ucdp-ged", large, "--provider", provider, "--connection", database.ConnectionString },
        };
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync(Ct);
        string? line;
        var progressSeen = false;
        var err = new StringBuilder();
        while ((line = await child.StandardError.ReadLineAsync(Ct)) is not null)
        {
            err.AppendLine(line);
            if (!line.StartsWith("progress:", StringComparison.Ordinal)) continue;
            progressSeen = true;
            child.Kill(entireProcessTree: true);
            break;
        }
        await child.WaitForExitAsync(Ct);
        Assert.True(progressSeen, $"The import ended before reporting progress (exit {child.ExitCode}):\n{err}\n{await stdout}");
        Assert.DoesNotContain("imported:", await stdout);
        TestContext.Current.SendDiagnosticMessage($"{provider}: killed at '{err.ToString().Trim()}'");

        await using (var db = database.Open()) Assert.Equal(snapshot, await SnapshotAsync(db));

        var rerun = await database.RunAsync("import", "ucdp-ged", large);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains($"imported: {Events} rows ({Events} inserted, 0 updated, 0 unchanged, 0 rejected)", rerun.Out);
        await using (var db = database.Open())
            Assert.Equal(1848 + Events, await db.ConflictEvents.CountAsync(Ct));
    }
}
