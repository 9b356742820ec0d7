using System.CommandLine;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock db migrate</c>: the schema.</summary>
public static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate",
            "Apply the database migrations that are not applied yet (creates the database when missing) and list them.");
        migrate.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            DatabaseSetup.EnsureSqliteDirectory(database.Configuration);
            var pending = await CreateIfMissingAndListPendingAsync(services, token);

            await cli.Out.WithStatusAsync($"Applying {pending.Count} migration(s)…", async () =>
            {
                await DatabaseInitializer.MigrateAsync(services, token);
                return true;
            });

            cli.Out.MarkupLine($"Database: {Markup.Escape(database.Description)}");
            if (pending.Count == 0)
            {
                cli.Out.WriteLine("Already up to date: no migrations to apply.");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("Applied migration");
            foreach (var id in pending) table.AddRow(Markup.Escape(id));
            cli.Out.Write(table);
            cli.Out.WriteLine($"Applied {pending.Count} migration(s).");
            return ExitCodes.Ok;
        }));

        var db = new Command("db", "Manage the database schema.");
        db.Subcommands.Add(migrate);
        return db;
    }

    private static async Task<List<string>> CreateIfMissingAndListPendingAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<InterlockDbContext>().Database;
        // Creating a missing database here (as Migrate would) keeps EF from logging the failed first connection as an error.
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        return [.. await database.GetPendingMigrationsAsync(ct)];
    }
}
