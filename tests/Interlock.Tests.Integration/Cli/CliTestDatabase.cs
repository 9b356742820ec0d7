using Interlock.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary>One real database for one test (a SQLite temp file or a uniquely named PostgreSQL database), dropped afterwards.</summary>
public sealed class CliTestDatabase(string provider, string connectionString, Func<ValueTask> drop) : IAsyncDisposable
{
    public string Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public Dictionary<string, string?> Config => new()
    {
        ["Database:Provider"] = Provider,
        [$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = ConnectionString,
    };

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Config, null, args);

    public Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => CliRunner.RunAsync(Config, stdin, args);

    /// <summary>A context of its own, not the CLI's, to check what the commands wrote.</summary>
    public InterlockDbContext Open()
    {
        var options = new DbContextOptionsBuilder<InterlockDbContext>();
        DatabaseSetup.Configure(options, new ConfigurationBuilder().AddInMemoryCollection(Config).Build());
        return new InterlockDbContext(options.Options);
    }

    /// <summary>The migrations make the audit log append-only; a test that plays the attacker removes that first.</summary>
    public async Task DropAuditTriggersAsync()
    {
        await using var db = Open();
        var sql = Provider == "postgres"
            ? """DROP TRIGGER audit_entries_no_change ON "AuditEntries";"""
            : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;";
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return drop();
    }
}
