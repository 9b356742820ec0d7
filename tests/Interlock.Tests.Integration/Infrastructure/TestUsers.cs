using Interlock.Data;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>A user the test created, with the password it was given.</summary>
public sealed record TestUser(string Id, string UserName, string Password, string OrganizationCode, Guid OrganizationId, Role Roles);

/// <summary>Creates users and tokens through the same <see cref="UserAdministration"/> that the CLI and the API use.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";

    /// <summary>A new user of <paramref name="organizationCode"/>; the name is unique so tests can share a database.</summary>
    public static async Task<TestUser> CreateUserAsync(this InterlockFactory app, string organizationCode, Role roles, string? name = null)
    {
        var userName = $"{name ?? organizationCode.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}";
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var created = await admin.CreateUserAsync(userName, organizationCode, roles, Password);
        return new TestUser(created.User.Id, userName, Password, organizationCode, created.User.OrganizationId, roles);
    }

    /// <summary>A personal access token of <paramref name="user"/>, the secret as a client would send it.</summary>
    public static async Task<string> CreateTokenAsync(this InterlockFactory app, TestUser user, TokenScope scope = TokenScope.Write,
        TimeSpan? lifetime = null)
    {
        await using var services = app.Services.CreateAsyncScope();
        var admin = services.ServiceProvider.GetRequiredService<UserAdministration>();
        var users = services.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<InterlockUser>>();
        var entity = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"No user {user.UserName}.");
        var issued = await admin.CreateTokenAsync(entity, "integration test", scope, lifetime ?? TimeSpan.FromDays(180));
        return issued.Secret;
    }

    /// <summary>An HTTP client that calls the API as a new user of <paramref name="organizationCode"/> with a token.</summary>
    public static async Task<(TestUser User, HttpClient Client)> ApiUserAsync(this InterlockFactory app, string organizationCode, Role roles,
        TokenScope scope = TokenScope.Write, string? name = null)
    {
        var user = await app.CreateUserAsync(organizationCode, roles, name);
        var client = app.Client(await app.CreateTokenAsync(user, scope));
        // A token's first use records when and from where (a write): do it now, so that a test counting rows sees only its own.
        var me = await client.GetAsync("/api/v1/me");
        if (!me.IsSuccessStatusCode) throw new InvalidOperationException($"The new token of {user.UserName} was refused: {me.StatusCode}.");
        return (user, client);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context of the app's own database, outside any request.</summary>
    public static async Task<T> WithDbAsync<T>(this InterlockFactory app, Func<InterlockDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InterlockDbContext>());
    }

    public static Task<Guid> OrganizationIdAsync(this InterlockFactory app, string code) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
}
