using Interlock.EarlyWarning;
using Interlock.Identity;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interlock.Data;

/// <summary>
/// What a first start needs: the schema, the reference data, the roles and one administrator.
/// Safe to run on every start and on several nodes at once (a first start holds a lock; seeding is idempotent).
/// </summary>
public static class DatabaseInitializer
{
    public const string AdminPasswordVariable = "INTERLOCK_ADMIN_PASSWORD";
    public const string AdminUserName = "admin";
    public const string SecretariatCode = "UN";

    public sealed record Outcome(ReferenceDataSeeder.Result Seed, UserAdministration.Created? Admin)
    {
        /// <summary>The shipped conflict events and country-month series (null when <c>EarlyWarning:LoadShippedData</c> is false).</summary>
        public ShippedEventData.Result? EventData { get; init; }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var exclusive = await InitializationLock.AcquireAsync(services, ct);
        await MigrateHoldingLockAsync(services, ct);
    }

    private static async Task MigrateHoldingLockAsync(IServiceProvider services, CancellationToken ct)
    {
        DatabaseSetup.EnsureSqliteDirectory(services.GetRequiredService<IConfiguration>());
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        await db.Database.MigrateAsync(ct);
    }

    public static async Task<ReferenceDataSeeder.Result> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        var result = await ReferenceDataSeeder.SeedAsync(db, ct);
        await Interlock.Meetings.History.MeetingHistorySeeder.SeedAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().EnsureRolesAsync();
        return result;
    }

    /// <summary>Real conflict data for a new installation (data/events/); skipped when already loaded or switched off.</summary>
    public static async Task<ShippedEventData.Result?> LoadShippedEventDataAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("EarlyWarning:LoadShippedData", true) is false) return null;
        return await ShippedEventData.LoadAsync(scope.ServiceProvider.GetRequiredService<InterlockDbContext>(), ct);
    }

    public static async Task<Outcome> InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        // Nodes starting at once on an empty database take turns for the whole first start: EF's own migration lock
        // on PostgreSQL lasts one migration's transaction, so their migrations interleaved ("column ... already
        // exists"), and the roles and the first administrator were created twice.
        await using var exclusive = await InitializationLock.AcquireAsync(services, ct);
        await MigrateHoldingLockAsync(services, ct);
        var seed = await SeedAsync(services, ct);
        var events = await LoadShippedEventDataAsync(services, ct);

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        if (await db.Users.AnyAsync(ct)) return new Outcome(seed, null) { EventData = events };

        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var password = Environment.GetEnvironmentVariable(AdminPasswordVariable) is { Length: > 0 } fromEnv ? fromEnv
            : config["Bootstrap:AdminPassword"] is { Length: > 0 } fromConfig ? fromConfig : null;
        try
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateUserAsync(AdminUserName, SecretariatCode, Role.Administrator | Role.OrgAdmin, password, "Secretariat administrator");
            return new Outcome(seed, admin) { EventData = events };
        }
        catch (Exception ex) when (ex is DomainValidationException or DbUpdateException)
        {
            // Another node starting at the same moment created the administrator first.
            using var check = services.CreateScope();
            if (await check.ServiceProvider.GetRequiredService<InterlockDbContext>().Users.AnyAsync(ct)) return new Outcome(seed, null) { EventData = events };
            throw;
        }
    }
}

/// <summary>A PostgreSQL session advisory lock, held by its own connection, serializing first starts; nothing on SQLite.</summary>
internal sealed class InitializationLock(NpgsqlConnection? connection) : IAsyncDisposable
{
    public static async Task<InitializationLock> AcquireAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
        if (!db.Database.IsNpgsql()) return new InitializationLock(null);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet and EF will create it: there is nothing to take a lock in.
            await connection.DisposeAsync();
            return new InitializationLock(null);
        }
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(7316023)", connection);
        await command.ExecuteNonQueryAsync(ct);
        return new InitializationLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null) return;
        // Unlock before the connection returns to the pool, where a session lock would otherwise live on.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(7316023)", connection))
            await command.ExecuteNonQueryAsync();
        await connection.DisposeAsync();
    }
}
