using System.Net;
using Interlock.Data;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration;

/// <summary>Signing in through the real form (antiforgery, cookie), using the cookie, signing out, and lockout.</summary>
public abstract class SignInTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : SignInTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : SignInTests(f), IClassFixture<PostgresFixture>;

    [Fact]
    public async Task Signing_in_through_the_form_gives_a_cookie_that_the_API_accepts()
    {
        var user = await App.CreateUserAsync("ECOWAS", Role.Contributor);
        var outcome = await LoginForm.SubmitAsync(App, user.UserName, user.Password);
        Assert.True(outcome.SignedIn, LoginForm.ErrorOf(outcome.Body));
        Assert.Equal("/", new Uri(App.Address, outcome.Location).AbsolutePath);

        using var session = App.Client(cookies: outcome.Cookies);
        var me = await session.GetJsonAsync("/api/v1/me");
        Assert.Equal(user.UserName, me["userName"].Str());
        Assert.Equal("ECOWAS", me["organization"].Str());
        Assert.Contains("Contributor", me["roles"]!.AsArray().Select(r => r.Str()));
        Assert.Null(me["tokenScope"]?.GetValue<string>());

        // An interactive session writes, and mints a token that then works on its own.
        await session.CreateDocumentAsync("partners", "Written in a browser session");
        var created = await (await session.PostJsonAsync("/api/v1/me/tokens", new { name = "early warning feed", scope = "read", expiresInDays = 30 }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        using var token = App.Client(created["secret"].Str());
        Assert.Equal("Read", (await token.GetJsonAsync("/api/v1/me"))["tokenScope"].Str());

        // Signing out ends the session.
        await (await session.PostAsync("/account/logout", null)).ExpectAsync(HttpStatusCode.Redirect);
        await (await session.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var user = await App.CreateUserAsync("AU", Role.Reader);
        var outcome = await LoginForm.SubmitAsync(App, user.UserName, "not the password at all");
        Assert.False(outcome.SignedIn);
        Assert.Equal(HttpStatusCode.OK, outcome.Status);
        Assert.Equal("The user name or password is wrong.", LoginForm.ErrorOf(outcome.Body));

        var unknown = await LoginForm.SubmitAsync(App, "nobody-" + Guid.NewGuid().ToString("N"), "whatever it may be");
        Assert.False(unknown.SignedIn);
        Assert.Equal("The user name or password is wrong.", LoginForm.ErrorOf(unknown.Body));
    }

    [Fact]
    public async Task The_form_refuses_a_post_without_its_antiforgery_token()
    {
        var user = await App.CreateUserAsync("AU", Role.Reader);
        using var client = App.Client(cookies: new CookieContainer());
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = user.UserName, ["Input.Password"] = user.Password,
        }));
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var user = await App.CreateUserAsync("AU", Role.Contributor);
        using var token = App.Client(await App.CreateTokenAsync(user));
        await (await token.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.OK);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await LoginForm.SubmitAsync(App, user.UserName, $"wrong password number {attempt}");
            Assert.False(wrong.SignedIn, $"attempt {attempt}");
        }

        var right = await LoginForm.SubmitAsync(App, user.UserName, user.Password);
        Assert.False(right.SignedIn, "the sixth attempt, with the right password, must fail: the account is locked");
        Assert.Contains("locked", LoginForm.ErrorOf(right.Body));

        var lockoutEnd = await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"locked until {lockoutEnd}");
        // A locked account's tokens stop working too.
        await (await token.GetAsync("/api/v1/me")).ExpectAsync(HttpStatusCode.Unauthorized);

        // The failed-attempt counts and the lockout were written before anyone was signed in: the audit log names
        // the account the attempts were for, not an anonymous change.
        var writers = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == user.Id && e.Action == Interlock.Audit.AuditActions.Update)
            .Select(e => e.UserName).ToListAsync());
        Assert.DoesNotContain("anonymous", writers);
        Assert.True(writers.Count(w => w == $"sign-in attempt as {user.UserName}") >= 5, string.Join(", ", writers));
    }
}
