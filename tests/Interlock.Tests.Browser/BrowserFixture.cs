using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>
/// One server and one headless Debian Chromium for the whole collection; each test opens its own
/// browser context (fresh cookies), so tests stay independent while the expensive parts are shared.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; INTERLOCK_TEST_CHROMIUM points elsewhere (e.g. to check the skip path).</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("INTERLOCK_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public InterlockWebServer? Server { get; private set; }
    public IBrowser? Browser { get; private set; }

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"{ChromiumPath} is missing: install Debian's chromium package to run browser tests (apt-get install -y chromium).";
            return;
        }

        Server = new InterlockWebServer();
        Server.Start();

        // Two cores shared with builds: be patient rather than flaky.
        Assertions.SetDefaultExpectTimeout(15_000);

        // The driver ships inside the Playwright package; with ExecutablePath nothing is downloaded.
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
