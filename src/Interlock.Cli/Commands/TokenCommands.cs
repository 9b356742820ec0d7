using System.CommandLine;
using System.Globalization;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock token create</c>: a personal access token for another organization's system.</summary>
public static class TokenCommands
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "--name",
        ["expiresInDays"] = "--days",
    };

    public static Command Create(CliContext cli)
    {
        var maxDays = (int)PersonalAccessToken.MaxLifetime.TotalDays;
        var userName = new Argument<string>("userName") { Description = "The user the token acts as." };
        var name = new Option<string>("--name") { Description = "What the token is for, so its owner can tell tokens apart.", HelpName = "name", Required = true };
        var scope = new Option<string>("--scope")
        {
            Description = "read: only reads; write: reads and writes, within the user's roles.",
            HelpName = "read|write",
            DefaultValueFactory = _ => "read",
        };
        scope.AcceptOnlyFromAmong("read", "write");
        var days = new Option<int>("--days")
        {
            Description = $"Days until the token expires, 1 to {maxDays}.",
            HelpName = "N",
            DefaultValueFactory = _ => 90,
        };

        var create = new Command("create", "Create a personal access token for a user and print its secret once.")
        {
            userName, name, scope, days,
        };
        create.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var lifetimeDays = parse.GetValue(days);
            if (lifetimeDays < 1 || lifetimeDays > maxDays)
                throw new CliInputException("--days", $"between 1 and {maxDays} days.");
            var tokenScope = parse.GetValue(scope) == "write" ? TokenScope.Write : TokenScope.Read;

            await CliContext.RequireSchemaAsync(services, database, token);
            using var serviceScope = services.CreateScope();
            var user = await serviceScope.ServiceProvider.GetRequiredService<UserManager<InterlockUser>>().FindByNameAsync(parse.GetRequiredValue(userName).Trim())
                       ?? throw new CliInputException("<userName>", $"no user is named '{parse.GetRequiredValue(userName).Trim()}'.");
            var issued = await serviceScope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateTokenAsync(user, parse.GetRequiredValue(name), tokenScope, TimeSpan.FromDays(lifetimeDays));

            var table = new Table().HideHeaders().AddColumn("").AddColumn("");
            table.AddRow("Token", Markup.Escape(issued.Token.Id.ToString()));
            table.AddRow("Name", Markup.Escape(issued.Token.Name));
            table.AddRow("User", Markup.Escape(user.UserName ?? ""));
            table.AddRow("Scope", tokenScope.ToString().ToLowerInvariant());
            table.AddRow("Expires", issued.Token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            cli.Out.WriteLine("Created token:");
            cli.Out.Write(table);
            cli.Out.WriteLine("Secret (shown once; only its hash is stored). Send it as 'Authorization: Bearer <secret>':");
            cli.Out.WriteVerbatim(issued.Secret);
            return ExitCodes.Ok;
        }, Fields));

        var tokenCommand = new Command("token", "Manage personal access tokens.");
        tokenCommand.Subcommands.Add(create);
        return tokenCommand;
    }
}
