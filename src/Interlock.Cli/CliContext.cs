using System.CommandLine;
using Interlock.Data;
using Interlock.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace Interlock.Cli;

/// <summary>
/// What every command shares: the output streams, standard input, configuration overrides and the global
/// database options; and <see cref="RunAsync"/>, which builds the services and turns failures into exit codes.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader input, IDictionary<string, string?>? configOverrides)
{
    public IAnsiConsole Out { get; } = CliConsole.Create(output);
    public IAnsiConsole Err { get; } = CliConsole.Create(error);
    public TextReader Input { get; } = input;

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Database provider: sqlite or postgres. Default: Database__Provider, appsettings.json, else sqlite.",
        HelpName = "sqlite|postgres",
        Recursive = true,
    };

    public Option<string> Connection { get; } = new("--connection")
    {
        Description = "Connection string. Default: ConnectionStrings__Interlock, appsettings.json, else 'Data Source=data/interlock.db'.",
        HelpName = "connection string",
        Recursive = true,
    };

    /// <summary>A command's body: the services of one run, the resolved database and a cancellation token.</summary>
    public delegate Task<int> Body(IServiceProvider services, DatabaseTarget database, CancellationToken ct);

    public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, IConfiguration Configuration)
    {
        /// <summary>Where the command works, without credentials.</summary>
        public string Description => Provider switch
        {
            DatabaseProvider.Sqlite => "sqlite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource,
            _ => PostgresDescription(ConnectionString),
        };

        private static string PostgresDescription(string cs)
        {
            var b = new NpgsqlConnectionStringBuilder(cs);
            return $"postgres {b.Host}:{b.Port}/{b.Database}";
        }
    }

    /// <summary>
    /// Runs a command body with fresh services. Validation errors print "field: reason" and give exit code 2;
    /// <paramref name="fieldNames"/> maps the domain's field names to the option the user should fix.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, CancellationToken ct, Body body, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        try
        {
            var config = CliHost.BuildConfiguration(configOverrides, parse.GetValue(Provider), parse.GetValue(Connection));
            var (provider, connectionString) = CliHost.Database(config);
            await using var services = CliHost.BuildServices(config, error);
            return await body(services, new DatabaseTarget(provider, connectionString, config), ct);
        }
        catch (CliInputException e)
        {
            Err.WriteError(e.Field, e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors.ToDictionary())
                foreach (var message in messages)
                    Err.WriteError(fieldNames?.GetValueOrDefault(field) ?? field, message);
            return ExitCodes.InvalidInput;
        }
        catch (CliFailureException e)
        {
            Err.WriteError(null, e.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Err.WriteError(null, "cancelled.");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            Err.WriteError(null, $"{e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            // A finished command leaves no SQLite file open (tests delete their files; users may copy theirs).
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>For commands that need an existing, migrated database: explain what to run instead of failing on a missing table.</summary>
    public static async Task RequireSchemaAsync(IServiceProvider services, DatabaseTarget database, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (source is { Length: > 0 } && source != ":memory:" && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
                && !File.Exists(source))
                throw new CliFailureException($"there is no database at '{source}'; run 'interlock db migrate' first.");
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            throw new CliFailureException($"the database schema is not up to date ({pending.Count} migration(s) pending); run 'interlock db migrate' first.");
    }
}
