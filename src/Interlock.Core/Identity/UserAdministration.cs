using System.Security.Cryptography;
using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Identity;

/// <summary>Creating users and tokens: shared by the first-start bootstrap, the CLI and the API.</summary>
public sealed class UserAdministration(InterlockDbContext db, UserManager<InterlockUser> users, RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role.ToString()))
                Check(await roles.CreateAsync(new IdentityRole(role.ToString())), "role");
    }

    public sealed record Created(InterlockUser User, string Password, bool PasswordGenerated);

    /// <summary>Creates a user of an organization (by code) with roles; generates a password when none is given.</summary>
    public async Task<Created> CreateUserAsync(string userName, string organizationCode, Role userRoles, string? password, string? displayName = null, string? email = null)
    {
        var errors = new ValidationErrors();
        var code = organizationCode.Trim().ToUpperInvariant();
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code);
        errors.Require(org is not null, "organization", $"No organization has code '{organizationCode}'.");
        errors.Require(userRoles != Role.None, "roles", "Give at least one role.");
        errors.Require(!string.IsNullOrWhiteSpace(userName), "userName", "A user name is required.");
        if (!errors.IsEmpty) throw new DomainValidationException(errors);

        var generated = password is null;
        password ??= GeneratePassword();
        var user = new InterlockUser
        {
            UserName = userName, Email = email, OrganizationId = org!.Id, DisplayName = displayName ?? userName,
            CreatedAt = db.Time.GetUtcNow(), EmailConfirmed = email is not null,
        };
        // The user and their roles are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRolesAsync(user, Roles.Names(userRoles)), "roles");
        await transaction.CommitAsync();
        return new Created(user, password, generated);
    }

    public sealed record IssuedToken(PersonalAccessToken Token, string Secret);

    public async Task<IssuedToken> CreateTokenAsync(InterlockUser user, string name, TokenScope scope, TimeSpan lifetime)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(name), "name", "A name is required.")
            .Require(string.IsNullOrWhiteSpace(name) || name.Trim().Length <= 200, "name", "At most 200 characters.")
            .Require(lifetime > TimeSpan.Zero && lifetime <= PersonalAccessToken.MaxLifetime, "expiresInDays", "Between 1 and 366 days.");
        if (!errors.IsEmpty) throw new DomainValidationException(errors);
        var secret = PersonalAccessToken.NewSecret();
        var now = db.Time.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = user.Id, Name = name.Trim(), Scope = scope, TokenHash = PersonalAccessToken.Hash(secret),
            Hint = secret[..10], CreatedAt = now, ExpiresAt = now + lifetime,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync();
        return new IssuedToken(token, secret);
    }

    /// <summary>24 random characters: well above the policy, shown once.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        var errors = new ValidationErrors();
        foreach (var e in result.Errors)
            errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : field, e.Description);
        throw new DomainValidationException(errors);
    }
}
