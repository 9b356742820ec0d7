using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interlock.Tests.Browser;

/// <summary>Two-factor sign-in end to end: set up with an authenticator code, sign in with it, and turn it off.</summary>
public sealed class TwoFactorTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_user_turns_on_two_factor_signs_in_with_a_code_and_needs_the_password_to_turn_it_off()
    {
        var (userName, password) = await CreateUserAsync();
        await OpenAsync("/account/login");
        await SignInAsync(userName, password);
        await Expect(ByTestId("whoami")).ToContainTextAsync(userName);

        await GoToAsync("/account/two-factor");
        await Expect(ByTestId("two-factor-status")).ToHaveTextAsync("Off");
        await ByTestId("start-2fa").ClickAsync();
        var key = (await ByTestId("shared-key").TextContentAsync())!;
        await ByTestId("verify-code").FillAsync(Totp(key));
        await ByTestId("verify-2fa").ClickAsync();
        await Expect(ByTestId("two-factor-status")).ToHaveTextAsync("On");
        await Expect(ByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);

        // Signing in again asks for a code after the password.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await GoToAsync("/account/login");
        await SignInAsync(userName, password);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await ByTestId("two-factor-code").FillAsync(Totp(key));
        await ByTestId("verify-sign-in").ClickAsync();
        await Expect(ByTestId("whoami")).ToContainTextAsync(userName);

        // Turning it off takes the password: a borrowed session cannot do it.
        await GoToAsync("/account/two-factor");
        await ByTestId("disable-2fa").ClickAsync();
        await ByTestId("disable-2fa-password").FillAsync("not the password at all");
        await ByTestId("disable-2fa-confirm").ClickAsync();
        await Expect(Page.GetByText("The current password is wrong.").First).ToBeVisibleAsync();
        await Expect(ByTestId("two-factor-status")).ToHaveTextAsync("On");

        await ByTestId("disable-2fa-password").FillAsync(password);
        await ByTestId("disable-2fa-confirm").ClickAsync();
        await Expect(ByTestId("two-factor-status")).ToHaveTextAsync("Off");
    }

    private async Task<(string UserName, string Password)> CreateUserAsync()
    {
        if (Fixture.Unavailable is not null) return ("", ""); // OpenAsync skips the test
        using var scope = Server.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var name = "tfa-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.CreateUserAsync(name, "AU", Role.Contributor, "a long enough password 2fa");
        return (name, created.Password);
    }

    /// <summary>RFC 6238 time-based code from the key the page shows (RFC 4648 base32, grouped with spaces).</summary>
    private static string Totp(string shownKey)
    {
        var key = Base32(shownKey.Replace(" ", "").ToUpperInvariant());
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = buffer << 5 | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return [.. bytes];
    }
}
