using Npgsql;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use, named by env INTERLOCK_TEST_POSTGRES (a server connection string
/// without a database). Tests create and drop their own databases on it.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "INTERLOCK_TEST_POSTGRES";
    public const string SkipMessage = "set INTERLOCK_TEST_POSTGRES=Host=127.0.0.1;Port=55432;Username=postgres to run PostgreSQL tests";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool Available => ConnectionString is not null;

    /// <summary>In CI a missing server is a failure, so that PostgreSQL tests can never silently stop running.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test (locally) or fails it (CI) when no server is configured.</summary>
    public static void Require()
    {
        if (Available) return;
        if (InCi) Assert.Fail($"PostgreSQL tests must run in CI: {SkipMessage}");
        Assert.Skip(SkipMessage);
    }

    /// <summary>The server connection string pointed at one database.</summary>
    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException(SkipMessage))
        {
            Database = database,
            // The tests start several app hosts against one server: keep each pool small.
            MaxPoolSize = 20,
        }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
