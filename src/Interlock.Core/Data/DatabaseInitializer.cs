using Interlock.EarlyWarning;
using Interlock.Identity;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Data;

/// <summary>
/// What a first start needs: the schema, the reference data, the roles and one administrator.
/// Safe to run on every start and on several nodes at once (migrations take a lock; seeding is idempotent).
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
        await MigrateAsync(services, ct);
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
