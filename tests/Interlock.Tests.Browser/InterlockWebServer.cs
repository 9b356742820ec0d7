using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Browser;

/// <summary>
/// The real app on real Kestrel (loopback, any free port) with its own temporary SQLite database,
/// so a real browser can reach it. Migrations, reference data and the admin are created on start.
/// </summary>
public sealed class InterlockWebServer : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"interlock-browser-{Guid.NewGuid():N}.db");

    /// <summary>The bootstrap password; the environment variable wins in the app, so honour it here too.</summary>
    public string AdminPassword { get; } =
        Environment.GetEnvironmentVariable("INTERLOCK_ADMIN_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : "browser-tests-Tr0ub4dor&3-horse";

    public const string AdminUserName = "admin";

    public Uri BaseAddress { get; private set; } = default!;

    public InterlockWebServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:Interlock", $"Data Source={_databasePath}");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Keeps AddInterlock from adding its default URL; the Kestrel listener above decides the port.
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        return BaseAddress;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
            File.Delete(file);
    }
}
