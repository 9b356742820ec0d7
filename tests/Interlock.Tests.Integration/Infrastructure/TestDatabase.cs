using Microsoft.Data.Sqlite;
using Npgsql;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>
/// A fresh, empty database for one factory (or for two nodes that share it): a temporary SQLite file, or a
/// uniquely named PostgreSQL database. The app migrates and seeds it on start; disposing removes it.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract TestProvider Provider { get; }
    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public string ProviderSetting => Provider == TestProvider.Sqlite ? "sqlite" : "postgres";
    public abstract string ConnectionString { get; }
    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> CreateAsync(TestProvider provider) => provider switch
    {
        TestProvider.Sqlite => new SqliteTestDatabase(),
        TestProvider.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "interlock-tests");

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }
    public override TestProvider Provider => TestProvider.Sqlite;
    public override string ConnectionString => $"Data Source={FilePath}";

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(FilePath + suffix);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private PostgresTestDatabase(string name) => Name = name;

    public string Name { get; }
    public override TestProvider Provider => TestProvider.Postgres;
    public override string ConnectionString => PostgresServer.For(Name);

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var name = $"interlock_test_{Guid.NewGuid():N}";
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new PostgresTestDatabase(name);
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        // FORCE ends connections that a host still holds, so a failed test cannot leave the database behind.
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
