using System.CommandLine;
using Spectre.Console;
using Interlock.Data;
using Interlock.EarlyWarning.Risk;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock risk recompute</c>: every derived indicator value and country-month risk level, from the series.</summary>
public static class RiskCommands
{
    public static Command Create(CliContext cli)
    {
        var recompute = new Command("recompute",
            "Recompute the derived indicators and the risk level of every country and month from the country-month series.");
        recompute.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            await RecomputeAsync(cli, scope.ServiceProvider.GetRequiredService<InterlockDbContext>(), token);
            return ExitCodes.Ok;
        }));
        var risk = new Command("risk", "Early-warning indicators and risk levels.");
        risk.Subcommands.Add(recompute);
        return risk;
    }

    public static async Task RecomputeAsync(CliContext cli, InterlockDbContext db, CancellationToken ct)
    {
        var result = await cli.Out.WithStatusAsync("Recomputing indicators and risk levels…", () => RiskRecompute.RecomputeAllAsync(db, ct));
        cli.Out.WriteLine($"Computed {result.IndicatorValues} derived indicator values and recomputed {result.CountryMonths} country-month risk levels " +
                          $"of {result.Countries} countries ({result.LevelsWritten} stored levels changed) in {result.Elapsed.TotalSeconds:0.00} s.");
    }
}
