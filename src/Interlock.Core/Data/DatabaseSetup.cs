using Interlock.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interlock.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> (sqlite, the embedded default, or postgres)
/// and <c>ConnectionStrings:Interlock</c>. Each provider keeps its migrations in its own assembly.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/interlock.db";
    public const string ConnectionName = "Interlock";

    public static DatabaseProvider ProviderOf(IConfiguration config)
    {
        var name = config["Database:Provider"];
        return name?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{name}' is not known; use 'sqlite' or 'postgres'."),
        };
    }

    public static string ConnectionStringOf(IConfiguration config) =>
        config.GetConnectionString(ConnectionName) is { Length: > 0 } cs ? cs
        : ProviderOf(config) == DatabaseProvider.Sqlite ? DefaultSqliteConnection
        : throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Interlock is not set.");

    public static void Configure(DbContextOptionsBuilder options, IConfiguration config)
    {
        var cs = ConnectionStringOf(config);
        EarlyWarning.Risk.RiskSettings.Current = EarlyWarning.Risk.RiskSettings.From(config);
        switch (ProviderOf(config))
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(cs, o => o.MigrationsAssembly("Interlock.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(cs, o => o.MigrationsAssembly("Interlock.Migrations.Postgres"));
                break;
        }
    }

    /// <summary>Registers the context (scoped) and its factory (for interactive components and background work).</summary>
    public static IServiceCollection AddInterlockData(this IServiceCollection services)
    {
        services.AddDbContextFactory<InterlockDbContext>((sp, o) => Configure(o, sp.GetRequiredService<IConfiguration>()), ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<InterlockDbContext>>().CreateDbContext());
        services.AddScoped<IAuditActor>(_ => FixedAuditActor.System);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Creates the folder of a SQLite database file so a fresh checkout starts without setup.</summary>
    public static void EnsureSqliteDirectory(IConfiguration config)
    {
        if (ProviderOf(config) != DatabaseProvider.Sqlite) return;
        var source = new SqliteConnectionStringBuilder(ConnectionStringOf(config)).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
