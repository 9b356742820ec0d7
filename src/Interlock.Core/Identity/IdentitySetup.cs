using Interlock.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Identity;

public static class IdentitySetup
{
    /// <summary>The password and lockout policy, the same for the web host and the CLI.</summary>
    public static void ConfigurePolicy(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B); lock out after five failures.
        o.Password.RequiredLength = 12;
        o.Password.RequiredUniqueChars = 5;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
    }

    /// <summary>User and role stores without cookies, for the CLI; the web host adds sign-in on top.</summary>
    public static IdentityBuilder AddInterlockIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        // Identity's token providers need data protection; every host shares one key ring in the database,
        // so several web nodes and the CLI protect and unprotect alike.
        services.AddDataProtection().SetApplicationName("Interlock").PersistKeysToDbContext<InterlockDbContext>();
        return services.AddIdentityCore<InterlockUser>(ConfigurePolicy)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InterlockDbContext>()
            .AddDefaultTokenProviders();
    }

}
