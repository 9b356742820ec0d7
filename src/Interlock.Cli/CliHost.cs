using Interlock.Audit;
using Interlock.Data;
using Interlock.EarlyWarning.Alerts;
using Interlock.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interlock.Cli;

/// <summary>
/// The services a command needs: the same data and identity setup as the web host, without HTTP.
/// Configuration is read like the web host's (appsettings.json, then environment variables such as
/// <c>Database__Provider</c> and <c>ConnectionStrings__Interlock</c>), then the caller's overrides, then
/// <c>--provider</c> / <c>--connection</c>, which win.
/// </summary>
public static class CliHost
{
    /// <summary>Who the audit log names for every write the CLI makes.</summary>
    public static readonly IAuditActor Actor = new FixedAuditActor(null, "cli:" + Environment.UserName, null, "cli");

    public static IConfiguration BuildConfiguration(IDictionary<string, string?>? overrides, string? provider, string? connection)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is not null) builder.AddInMemoryCollection(overrides);

        var fromOptions = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(provider)) fromOptions["Database:Provider"] = provider;
        if (!string.IsNullOrWhiteSpace(connection)) fromOptions[$"ConnectionStrings:{DatabaseSetup.ConnectionName}"] = connection;
        return builder.AddInMemoryCollection(fromOptions).Build();
    }

    /// <summary>Checks the database settings up front so a mistake is reported as input, naming the option to fix.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Database(IConfiguration config)
    {
        DatabaseProvider provider;
        try { provider = DatabaseSetup.ProviderOf(config); }
        catch (InvalidOperationException e) { throw new CliInputException("--provider", e.Message); }
        try { return (provider, DatabaseSetup.ConnectionStringOf(config)); }
        catch (InvalidOperationException)
        {
            throw new CliInputException("--connection",
                "the postgres provider needs a connection string (--connection or ConnectionStrings__Interlock).");
        }
    }

    public static ServiceProvider BuildServices(IConfiguration config, TextWriter log)
    {
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Warning)
            // EF logs failed commands and connections as errors even when it expects them (probing a new PostgreSQL
            // database for its migration history); real failures reach the user as the command's error message.
            .AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.Critical)
            .AddProvider(new TextWriterLoggerProvider(log)));
        services.AddInterlockData();
        services.AddInterlockIdentityCore();
        services.AddInterlockAlerts();
        // Registered after AddInterlockData, so it replaces the "system" actor for every context the CLI opens.
        services.AddScoped(_ => Actor);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }
}
