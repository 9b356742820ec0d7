using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary>
/// Hands out test databases. Seeding costs seconds (PostgreSQL: tens of seconds), so a migrated and seeded template
/// is made once per provider, through the CLI itself, and each test gets a copy of it: a file copy for SQLite,
/// CREATE DATABASE ... TEMPLATE for PostgreSQL.
/// </summary>
public sealed class CliDatabases : IAsyncLifetime
{
    public const string PostgresVariable = "INTERLOCK_TEST_POSTGRES";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "interlock-cli-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentDictionary<string, Lazy<Task<CliTestDatabase>>> _templates = new();

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return ValueTask.CompletedTask;
    }

    /// <summary>A database that does not exist yet (the CLI's <c>db migrate</c> creates it).</summary>
    public CliTestDatabase Empty(string provider) => provider switch
    {
        "sqlite" => SqliteAt(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db")),
        "postgres" => PostgresNamed(NewPostgresName(), pooling: true),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>A fresh copy of a migrated and seeded database.</summary>
    public async Task<CliTestDatabase> SeededAsync(string provider)
    {
        if (provider == "postgres") PostgresServer(); // skip or fail before doing any work
        var template = await _templates.GetOrAdd(provider, p => new Lazy<Task<CliTestDatabase>>(() => MakeTemplateAsync(p))).Value;
        if (provider == "sqlite")
        {
            var copy = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db");
            var source = new SqliteConnectionStringBuilder(template.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            File.Copy(source, copy);
            if (File.Exists(source + "-wal")) File.Copy(source + "-wal", copy + "-wal");
            return SqliteAt(copy);
        }
        var name = NewPostgresName();
        var templateName = new NpgsqlConnectionStringBuilder(template.ConnectionString).Database!;
        await ExecuteOnServerAsync($"""CREATE DATABASE "{name}" TEMPLATE "{templateName}" """);
        return PostgresNamed(name, pooling: true);
    }

    private async Task<CliTestDatabase> MakeTemplateAsync(string provider)
    {
        // No pooling for the PostgreSQL template: CREATE DATABASE ... TEMPLATE needs it to have no open connection.
        var template = provider == "sqlite" ? SqliteAt(Path.Combine(_dir, "template.db")) : PostgresNamed(NewPostgresName(), pooling: false);
        foreach (var command in new[] { new[] { "db", "migrate" }, ["seed"] })
        {
            var result = await template.RunAsync(command);
            if (result.ExitCode != 0) throw new InvalidOperationException($"Preparing the {provider} template failed: {string.Join(' ', command)}\n{result}");
        }
        return template;
    }

    /// <summary>The PostgreSQL server for tests; skips the test (or fails it when CI=true) when none is configured.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server)) return server;
        const string how = $"Set {PostgresVariable} to a server connection string, e.g. Host=127.0.0.1;Port=55432;Username=postgres.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"PostgreSQL is required when CI=true but {PostgresVariable} is not set. {how}");
        Assert.Skip($"PostgreSQL variant skipped: {PostgresVariable} is not set. {how}");
        return null!;
    }

    private static string NewPostgresName() => "interlock_cli_" + Guid.NewGuid().ToString("N");

    private static CliTestDatabase SqliteAt(string path) =>
        new("sqlite", $"Data Source={path}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                if (File.Exists(file)) File.Delete(file);
            return ValueTask.CompletedTask;
        });

    private static CliTestDatabase PostgresNamed(string name, bool pooling)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name, Pooling = pooling }.ConnectionString;
        return new("postgres", cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
        });
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var template in _templates.Values.Where(t => t.IsValueCreated))
        {
            try { await (await template.Value).DisposeAsync(); }
            catch (Exception) { /* the template failed to build; its test already failed with the reason */ }
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
