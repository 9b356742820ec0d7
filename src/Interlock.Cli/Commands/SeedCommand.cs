using System.CommandLine;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock seed</c>: reference data (countries, organizations, memberships) and the roles.</summary>
public static class SeedCommand
{
    public static Command Create(CliContext cli)
    {
        var seed = new Command("seed",
            "Load the reference data (countries, organizations, memberships) and the roles. Idempotent; run 'db migrate' first.");
        seed.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            var rolesBefore = await CountRolesAsync(services, token);
            var result = await cli.Out.WithStatusAsync("Loading reference data…", () => DatabaseInitializer.SeedAsync(services, token));
            var rolesAdded = await CountRolesAsync(services, token) - rolesBefore;

            cli.Out.MarkupLine($"Database: {Markup.Escape(database.Description)}");
            if (result.Skipped && rolesAdded == 0)
            {
                cli.Out.WriteLine("Reference data and roles are already up to date: nothing added.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Added").AddColumn(new TableColumn("Count").RightAligned());
            table.AddRow("Countries", result.CountriesAdded.ToString());
            table.AddRow("Organizations", result.OrganizationsAdded.ToString());
            table.AddRow("Memberships", result.MembershipsAdded.ToString());
            table.AddRow("Areas of the taxonomy", result.AreasAdded.ToString());
            table.AddRow("Capabilities (illustrative)", result.CapabilitiesAdded.ToString());
            table.AddRow("Roles", rolesAdded.ToString());
            cli.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return seed;
    }

    private static async Task<int> CountRolesAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InterlockDbContext>().Roles.CountAsync(ct);
    }
}
