using System.Text.RegularExpressions;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary>The commands against real databases, each provider in turn, run in-process through <c>CliApp.RunAsync</c>.</summary>
public sealed partial class CliCommandTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string CliActor => "cli:" + Environment.UserName;

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_then_seed_creates_the_schema_and_reference_data_and_a_second_seed_adds_nothing(string provider)
    {
        await using var database = databases.Empty(provider);

        var early = await database.RunAsync("seed");
        Assert.True(early.ExitCode == 3, early.ToString());
        Assert.Contains("interlock db migrate", early.Err);

        var migrate = await database.RunAsync("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("_Initial", migrate.Out);
        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Equal(0, await db.Countries.CountAsync(Ct));
        }

        var again = await database.RunAsync("db", "migrate");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("up to date", again.Out);

        var seed = await database.RunAsync("seed");
        Assert.True(seed.ExitCode == 0, seed.ToString());
        Assert.Matches(@"Countries\s*│\s*197", seed.Out);
        (int Countries, int Organizations, int Memberships, int Roles, int Audit) counts;
        await using (var db = database.Open())
        {
            counts = (await db.Countries.CountAsync(Ct), await db.Organizations.CountAsync(Ct), await db.Memberships.CountAsync(Ct),
                await db.Roles.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
            Assert.Equal(197, counts.Countries);
            Assert.True(counts.Organizations >= 40, $"{counts.Organizations} organizations");
            Assert.True(counts.Memberships > 0);
            Assert.Equal(Roles.All.Length, counts.Roles);
            Assert.Equal(Roles.All.Select(r => r.ToString()).Order(), (await db.Roles.Select(r => r.Name!).ToListAsync(Ct)).Order());
        }

        var reseed = await database.RunAsync("seed");
        Assert.True(reseed.ExitCode == 0, reseed.ToString());
        Assert.Contains("already up to date", reseed.Out);
        await using (var db = database.Open())
        {
            Assert.Equal(counts, (await db.Countries.CountAsync(Ct), await db.Organizations.CountAsync(Ct), await db.Memberships.CountAsync(Ct),
                await db.Roles.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task User_add_creates_a_user_of_the_organization_with_its_roles_and_a_working_generated_password(string provider)
    {
        await using var database = await databases.SeededAsync(provider);

        var result = await database.RunAsync("user", "add", "amina", "--org", "AU", "--role", "Analyst", "--role", "Reader",
            "--display-name", "Amina Bello", "--email", "amina@example.org");

        Assert.True(result.ExitCode == 0, result.ToString());
        var password = LineAfter(result.Out, "Generated password");
        await using var db = database.Open();
        var user = await db.Users.SingleAsync(u => u.UserName == "amina", Ct);
        Assert.Equal("AU", (await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId, Ct)).Code);
        Assert.Equal(["Analyst", "Reader"], await RoleNamesAsync(db, user.Id));
        Assert.Equal("Amina Bello", user.DisplayName);
        Assert.Equal("amina@example.org", user.Email);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<InterlockUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
        // The audit log names the CLI and the operating-system user behind it.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(InterlockUser) && a.EntityId == user.Id
            && a.UserName == CliActor && a.RemoteAddress == "cli", Ct));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task User_add_reads_the_password_from_standard_input_and_prints_none(string provider)
    {
        await using var database = await databases.SeededAsync(provider);

        const string password = "correct horse battery staple";
        var result = await database.RunWithInputAsync(password + "\n",
            "user", "add", "kofi", "--org", "ECOWAS", "--role", "Contributor,FocalPoint", "--password-stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("password", result.Out, StringComparison.OrdinalIgnoreCase);
        await using var db = database.Open();
        var user = await db.Users.SingleAsync(u => u.UserName == "kofi", Ct);
        Assert.Equal(["Contributor", "FocalPoint"], await RoleNamesAsync(db, user.Id));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<InterlockUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task User_add_with_bad_input_exits_2_naming_the_field_and_writes_nothing(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        int auditBefore;
        await using (var db = database.Open()) auditBefore = await db.AuditEntries.CountAsync(Ct);

        var unknownOrg = await database.RunAsync("user", "add", "ghost", "--org", "NOPE", "--role", "Reader");
        Assert.True(unknownOrg.ExitCode == 2, unknownOrg.ToString());
        Assert.Contains("--org", unknownOrg.Err);
        Assert.Contains("NOPE", unknownOrg.Err);

        var unknownRole = await database.RunAsync("user", "add", "ghost", "--org", "AU", "--role", "Overlord");
        Assert.True(unknownRole.ExitCode == 2, unknownRole.ToString());
        Assert.Contains("--role", unknownRole.Err);
        Assert.Contains("Overlord", unknownRole.Err);

        var weakPassword = await database.RunWithInputAsync("short\n", "user", "add", "ghost", "--org", "AU", "--role", "Reader", "--password-stdin");
        Assert.True(weakPassword.ExitCode == 2, weakPassword.ToString());
        Assert.Contains("password", weakPassword.Err);

        var missingOrg = await database.RunAsync("user", "add", "ghost", "--role", "Reader");
        Assert.True(missingOrg.ExitCode == 2, missingOrg.ToString());
        Assert.Contains("--org", missingOrg.Err);

        await using (var db = database.Open())
        {
            Assert.False(await db.Users.AnyAsync(u => u.UserName == "ghost", Ct));
            Assert.Equal(auditBefore, await db.AuditEntries.CountAsync(Ct));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_create_stores_only_the_hash_of_the_secret_it_prints(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var user = await database.RunAsync("user", "add", "feeder", "--org", "ECOWAS", "--role", "Contributor");
        Assert.True(user.ExitCode == 0, user.ToString());

        var result = await database.RunAsync("token", "create", "feeder", "--name", "ECOWARN feed", "--scope", "write", "--days", "30");

        Assert.True(result.ExitCode == 0, result.ToString());
        var secret = TokenPattern().Match(result.Out).Value;
        Assert.Equal(secret, LineAfter(result.Out, "Secret"));
        await using var db = database.Open();
        var token = await db.PersonalAccessTokens.Include(t => t.User).SingleAsync(Ct);
        Assert.Equal("feeder", token.User!.UserName);
        Assert.Equal("ECOWARN feed", token.Name);
        Assert.Equal(TokenScope.Write, token.Scope);
        Assert.Equal(PersonalAccessToken.Hash(secret), token.TokenHash);
        Assert.NotEqual(secret, token.TokenHash);
        Assert.InRange(token.ExpiresAt - token.CreatedAt, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        // Neither the token row nor the audit log keeps the secret.
        Assert.False(await db.PersonalAccessTokens.AnyAsync(t => t.TokenHash == secret || t.Hint == secret || t.Name == secret, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Details != null && a.Details.Contains(secret), Ct));

        var nobody = await database.RunAsync("token", "create", "nobody", "--name", "x");
        Assert.True(nobody.ExitCode == 2, nobody.ToString());
        Assert.Contains("nobody", nobody.Err);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Audit_verify_is_intact_after_writes_and_names_an_entry_edited_behind_its_back(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        Assert.Equal(0, (await database.RunAsync("user", "add", "auditor", "--org", "UN", "--role", "Reader")).ExitCode);
        Assert.Equal(0, (await database.RunAsync("token", "create", "auditor", "--name", "reports")).ExitCode);

        var intact = await database.RunAsync("audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        await using (var db = database.Open())
            Assert.Contains($"intact: {await db.AuditEntries.CountAsync(Ct)} entries", intact.Out);

        long edited;
        await using (var db = database.Open())
        {
            var ids = await db.AuditEntries.Where(a => a.Details != null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
            edited = ids[ids.Count / 2];
            // The triggers refuse the edit until the attacker removes them.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditEntries" SET "Details" = {"{}"} WHERE "Id" = {edited}""", Ct));
        }
        await database.DropAuditTriggersAsync();
        await using (var db = database.Open())
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Details" = {"{\"tampered\":true}"} WHERE "Id" = {edited}""", Ct));

        var broken = await database.RunAsync("audit", "verify");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains($"broken at entry {edited}:", broken.Out);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Audit_verify_names_the_entry_right_after_a_deleted_one(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        long deleted, next;
        await using (var db = database.Open())
        {
            var ids = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
            deleted = ids[ids.Count / 2];
            next = ids[ids.Count / 2 + 1];
        }
        await database.DropAuditTriggersAsync();
        await using (var db = database.Open())
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Id" = {deleted}""", Ct));

        var broken = await database.RunAsync("audit", "verify");

        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains($"broken at entry {next}:", broken.Out);
    }

    private static async Task<List<string>> RoleNamesAsync(Interlock.Data.InterlockDbContext db, string userId) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == userId
                select r.Name!).ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The secret a command prints on the line after its heading, as a user would copy it.</summary>
    private static string LineAfter(string output, string headingStart)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var heading = lines.FindIndex(l => l.StartsWith(headingStart, StringComparison.Ordinal));
        Assert.True(heading >= 0 && heading + 1 < lines.Count, $"No line after '{headingStart}' in:\n{output}");
        return lines[heading + 1];
    }

    [GeneratedRegex(@"ilk_[A-Za-z0-9_-]+")]
    private static partial Regex TokenPattern();
}
