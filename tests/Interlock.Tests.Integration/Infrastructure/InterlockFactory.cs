using System.Net;
using Interlock.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>
/// The real Interlock web host on real Kestrel (127.0.0.1, a free port) over a real database of the chosen
/// provider, configured exactly as an operator would: Database:Provider, ConnectionStrings:Interlock and
/// Bootstrap:AdminPassword. Only the clock is replaced, so tests can move "today".
/// The type argument only locates the web assembly (whose entry point, Program.cs, is what runs): this project
/// also references the CLI, whose top-level statements declare another global <c>Program</c>.
/// </summary>
public sealed class InterlockFactory : WebApplicationFactory<Interlock.Web.SharedResource>
{
    public const string AdminPassword = "bootstrap-admin-password-for-tests";

    private readonly bool _ownsDatabase;

    private InterlockFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public TestDatabase Database { get; }
    public TestProvider Provider => Database.Provider;
    public TestClock Clock { get; } = new();
    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Creates a fresh database of <paramref name="provider"/> and starts a host on it (migrated and seeded).</summary>
    public static async Task<InterlockFactory> StartAsync(TestProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            return StartOn(database, ownsDatabase: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts another node on an existing database (which the caller keeps and disposes).</summary>
    public static InterlockFactory StartOn(TestDatabase database, bool ownsDatabase = false)
    {
        var factory = new InterlockFactory(database, ownsDatabase);
        try
        {
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            factory.Address = new Uri(addresses.Single().Replace("[::]", "127.0.0.1") + "/");
            return factory;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed: Development would turn on behaviour (e.g. throwing on bad requests) that production lacks.
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", Database.ProviderSetting);
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionName}", Database.ConnectionString);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Expected noise: EF logs the probe of a not yet created migrations table as an error, Kestrel notes that the
        // test's explicit loopback listener replaces the configured URL, and data protection keys are stored unencrypted.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A plain HTTP client on the loopback address: no redirects followed, no cookies unless given a container.</summary>
    public HttpClient Client(string? bearerToken = null, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerToken is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
