using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>
/// Base for the browser tests: a fresh context and page per test, helpers for the common steps,
/// and a full-page screenshot in TestResults/screenshots when a test fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncDisposable
{
    protected BrowserFixture Fixture { get; } = fixture;
    private IBrowserContext? _context;
    private IPage? _page;

    protected IPage Page => _page ?? throw new InvalidOperationException("Call OpenAsync first.");
    protected InterlockWebServer Server => Fixture.Server!;

    /// <summary>Skips (or, on CI, fails) when Chromium is missing; otherwise opens a page at <paramref name="path"/>.</summary>
    protected async Task<IPage> OpenAsync(string path)
    {
        if (Fixture.Unavailable is { } reason)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"CI=true but the browser tests cannot run: {reason}");
            Assert.Skip(reason);
        }

        _context = await Fixture.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "en-GB",
        });
        _context.SetDefaultTimeout(15_000);
        _page = await _context.NewPageAsync();
        await GoToAsync(path);
        return _page;
    }

    protected async Task GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}");
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected ILocator ByTestId(string id) => Page.GetByTestId(id);

    /// <summary>Fills the real login form and submits it with the button, as a person would.</summary>
    protected async Task SignInAsync(string userName, string password)
    {
        await ByTestId("username").FillAsync(userName);
        await ByTestId("password").FillAsync(password);
        await ByTestId("sign-in").ClickAsync();
    }

    /// <summary>The element that has keyboard focus: its data-testid, else "tag#id", else "tag.class".</summary>
    protected Task<string> FocusedAsync() => Page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; if (!e) return ''; if (e.dataset.testid) return e.dataset.testid; " +
        "const tag = e.tagName.toLowerCase(); return e.id ? tag + '#' + e.id : e.className ? tag + '.' + e.className : tag; }");

    public async ValueTask DisposeAsync()
    {
        if (_page is not null && TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            try
            {
                var test = TestContext.Current.Test?.TestDisplayName ?? GetType().Name;
                var name = string.Concat(test.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
                var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
                Directory.CreateDirectory(dir);
                await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // A screenshot is a debugging aid; never hide the real failure behind it.
            }
        }
        if (_context is not null) await _context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}
