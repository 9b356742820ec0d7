using Interlock.Data;
using Interlock.Identity;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Identity;

public sealed record MeDto(string UserId, string UserName, string DisplayName, string Organization, IReadOnlyList<string> Roles, string? TokenScope);
public sealed record TokenDto(Guid Id, string Name, TokenScope Scope, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, string? LastUsedFrom);
public sealed record TokenCreate(string Name, TokenScope Scope, int ExpiresInDays);
public sealed record TokenCreated(TokenDto Token, string Secret);
public sealed record UserDto(string Id, string UserName, string DisplayName, string Organization, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut);
public sealed record UserCreate(string UserName, string Organization, IReadOnlyList<string> Roles, string? Password, string? DisplayName, string? Email);
public sealed record UserCreated(UserDto User, string? GeneratedPassword);

public static class IdentityEndpoints
{
    public static void MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Identity").RequireAuthorization();
        me.MapGet("/", Me).WithName("Me");
        me.MapGet("/tokens", ListTokens).WithName("ListTokens");
        me.MapPost("/tokens", CreateToken).WithName("CreateToken");
        me.MapDelete("/tokens/{id:guid}", RevokeToken).WithName("RevokeToken");

        var users = app.MapGroup("/api/v1/users").WithTags("Identity").RequireAuthorization();
        users.MapGet("/", ListUsers).WithName("ListUsers");
        users.MapPost("/", CreateUser).WithName("CreateUser");
    }

    internal static async Task<IResult> Me(AccessService access, InterlockDbContext db, UserManager<InterlockUser> users, CancellationToken ct)
    {
        var s = access.Subject;
        var user = await users.FindByIdAsync(s.UserId!);
        if (user is null) return ApiConventions.NotFound("User");
        var org = await db.Organizations.Where(o => o.Id == s.OrganizationId).Select(o => o.Code).FirstAsync(ct);
        return TypedResults.Ok(new MeDto(user.Id, user.UserName!, user.DisplayName, org, Roles.Names(s.Roles).ToList(), s.Scope?.ToString()));
    }

    internal static async Task<IReadOnlyList<TokenDto>> ListTokens(AccessService access, InterlockDbContext db, CancellationToken ct) =>
        (await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == access.Subject.UserId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt).Select(ToDto).ToList();

    internal static async Task<IResult> CreateToken(TokenCreate body, AccessService access, UserAdministration admin, UserManager<InterlockUser> users)
    {
        // A token cannot mint tokens: only an interactive session can.
        if (access.Subject.Scope is not null) return ApiConventions.Forbidden("Tokens are created by signing in, not with another token.");
        var user = await users.FindByIdAsync(access.Subject.UserId!);
        if (user is null) return ApiConventions.NotFound("User");
        var issued = await admin.CreateTokenAsync(user, body.Name, body.Scope, TimeSpan.FromDays(body.ExpiresInDays));
        return TypedResults.Created($"/api/v1/me/tokens/{issued.Token.Id}", new TokenCreated(ToDto(issued.Token), issued.Secret));
    }

    internal static async Task<IResult> RevokeToken(Guid id, AccessService access, InterlockDbContext db, CancellationToken ct)
    {
        if (!access.Subject.CanUseWriteScope) return ApiConventions.Forbidden("The token's scope is read-only.");
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == access.Subject.UserId, ct);
        if (token is null) return ApiConventions.NotFound("Token");
        token.RevokedAt ??= db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<IResult> ListUsers(AccessService access, InterlockDbContext db, UserManager<InterlockUser> users, CancellationToken ct)
    {
        var s = access.Subject;
        if (!s.Has(Role.Administrator | Role.OrgAdmin)) return ApiConventions.Forbidden("Only administrators list users.");
        var query = db.Users.AsNoTracking();
        if (!s.Has(Role.Administrator)) query = query.Where(u => u.OrganizationId == s.OrganizationId);
        var list = await query.OrderBy(u => u.UserName).ToListAsync(ct);
        var codes = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var result = new List<UserDto>();
        foreach (var u in list)
            result.Add(await ToDtoAsync(u, codes, users, db.Time));
        return TypedResults.Ok(result);
    }

    internal static async Task<IResult> CreateUser(UserCreate body, AccessService access, InterlockDbContext db, UserAdministration admin,
        UserManager<InterlockUser> users, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == body.Organization, ct);
        if (org is null) return ApiConventions.Validation("organization", $"No organization has code '{body.Organization}'.");
        var decision = access.DecideWrite(new RecordLabel(org.Id, Classification.Partners, Categories.User));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        var roles = Roles.Parse(body.Roles ?? []);
        var unknown = (body.Roles ?? []).Where(r => Roles.Parse([r]) == Role.None).ToList();
        if (unknown.Count > 0) return ApiConventions.Validation("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
        if (roles.HasFlag(Role.Administrator) && !access.Subject.Has(Role.Administrator))
            return ApiConventions.Forbidden("Only the secretariat's Administrator can grant the Administrator role.");
        var created = await admin.CreateUserAsync(body.UserName, body.Organization, roles, body.Password, body.DisplayName, body.Email);
        var codes = new Dictionary<Guid, string> { [org.Id] = org.Code };
        return TypedResults.Created($"/api/v1/users/{created.User.Id}",
            new UserCreated(await ToDtoAsync(created.User, codes, users, db.Time), created.PasswordGenerated ? created.Password : null));
    }

    private static async Task<UserDto> ToDtoAsync(InterlockUser u, IReadOnlyDictionary<Guid, string> codes, UserManager<InterlockUser> users, TimeProvider time) =>
        new(u.Id, u.UserName!, u.DisplayName, codes.GetValueOrDefault(u.OrganizationId, "?"), (await users.GetRolesAsync(u)).Order().ToList(),
            u.TwoFactorEnabled, u.LockoutEnd is { } end && end > time.GetUtcNow());

    private static TokenDto ToDto(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.LastUsedFrom);
}
