using System.Net;
using System.Text.RegularExpressions;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>Signs in the way a browser does: GET the real sign-in page, POST its form back with the antiforgery token.</summary>
public static partial class LoginForm
{
    public const string AuthCookie = "interlock.auth";

    public sealed record Outcome(HttpStatusCode Status, string? Location, string Body, CookieContainer Cookies)
    {
        public bool SignedIn => Status == HttpStatusCode.Redirect && AuthCookieValue is not null;
        public string? AuthCookieValue { get; init; }
    }

    /// <summary>Submits the sign-in form once; the cookie container keeps the antiforgery and (on success) the auth cookie.</summary>
    public static async Task<Outcome> SubmitAsync(InterlockFactory app, string userName, string password, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        using var client = app.Client(cookies: cookies);
        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();

        var fields = HiddenInputs(html);
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "the sign-in form carries an antiforgery token");
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        var auth = cookies.GetCookies(app.Address).FirstOrDefault(c => c.Name == AuthCookie)?.Value;
        return new Outcome(response.StatusCode, response.Headers.Location?.ToString(), body, cookies) { AuthCookieValue = auth };
    }

    /// <summary>Signs in and returns a client that carries the session cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInAsync(InterlockFactory app, string userName, string password)
    {
        var outcome = await SubmitAsync(app, userName, password);
        Assert.True(outcome.SignedIn, $"sign-in of {userName} failed: {outcome.Status} {ErrorOf(outcome.Body)}");
        return (app.Client(cookies: outcome.Cookies), outcome.AuthCookieValue!);
    }

    /// <summary>The message the page shows when sign-in fails.</summary>
    public static string? ErrorOf(string html) =>
        ErrorPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : null;

    private static Dictionary<string, string> HiddenInputs(string html)
    {
        var result = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(html))
        {
            var tag = input.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.OrdinalIgnoreCase)) continue;
            var name = AttributePattern("name").Match(tag);
            var value = AttributePattern("value").Match(tag);
            if (name.Success) result[WebUtility.HtmlDecode(name.Groups[1].Value)] = WebUtility.HtmlDecode(value.Success ? value.Groups[1].Value : "");
        }
        return result;
    }

    private static Regex AttributePattern(string attribute) => new($"\\b{attribute}=\"([^\"]*)\"", RegexOptions.IgnoreCase);

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>([^<]*)<", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorPattern();
}
