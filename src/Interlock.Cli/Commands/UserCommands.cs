using System.CommandLine;
using System.Net.Mail;
using Interlock.Data;
using Interlock.Identity;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock user add</c>: creates a user through <see cref="UserAdministration"/>, as the API does.</summary>
public static class UserCommands
{
    /// <summary>The domain's field names, as the options a user of the CLI would fix.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["organization"] = "--org",
        ["roles"] = "--role",
        ["password"] = "password",
        ["userName"] = "<userName>",
        ["email"] = "--email",
    };

    public static Command Create(CliContext cli)
    {
        var userName = new Argument<string>("userName") { Description = "The sign-in name (letters, digits and - . _ @ +)." };
        var org = new Option<string>("--org")
        {
            Description = "Code of the user's organization, e.g. AU, ECOWAS, UN.",
            HelpName = "CODE",
            Required = true,
        };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role within the organization; repeat or separate with commas. One of: {string.Join(", ", Roles.All)}.",
            HelpName = "Role",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from the first line of standard input. Without it a password is generated and shown once.",
        };
        var displayName = new Option<string>("--display-name") { Description = "The name shown in Interlock. Default: the user name.", HelpName = "name" };
        var email = new Option<string>("--email") { Description = "The user's e-mail address.", HelpName = "address" };

        var add = new Command("add", "Create a user of an organization with one or more roles.")
        {
            userName, org, roles, passwordStdin, displayName, email,
        };
        add.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var role = ParseRoles(parse.GetValue(roles) ?? []);
            var mail = parse.GetValue(email);
            if (mail is not null && !MailAddress.TryCreate(mail, out _))
                throw new CliInputException("--email", $"'{mail}' is not an e-mail address.");
            var password = parse.GetValue(passwordStdin) ? ReadPassword(cli.Input) : null;

            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            // Without roles in the database the user would be created and then fail on its roles, half done.
            if (!await db.Roles.AnyAsync(token))
                throw new CliFailureException("the roles are not in the database yet; run 'interlock seed' first.");

            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateUserAsync(
                parse.GetRequiredValue(userName).Trim(), parse.GetRequiredValue(org).Trim(), role, password, parse.GetValue(displayName), mail);

            var table = new Table().HideHeaders().AddColumn("").AddColumn("");
            table.AddRow("User", Markup.Escape(created.User.UserName ?? ""));
            table.AddRow("Display name", Markup.Escape(created.User.DisplayName));
            table.AddRow("Organization", Markup.Escape(parse.GetRequiredValue(org).Trim()));
            table.AddRow("Roles", Markup.Escape(string.Join(", ", Roles.Names(role))));
            if (mail is not null) table.AddRow("E-mail", Markup.Escape(mail));
            table.AddRow("Id", Markup.Escape(created.User.Id));
            cli.Out.WriteLine("Created user:");
            cli.Out.Write(table);
            if (created.PasswordGenerated)
            {
                cli.Out.WriteLine("Generated password (shown once; it cannot be shown again):");
                cli.Out.WriteVerbatim(created.Password);
            }
            return ExitCodes.Ok;
        }, Fields));

        var user = new Command("user", "Manage users.");
        user.Subcommands.Add(add);
        return user;
    }

    /// <summary>Every name must be a role: <see cref="Roles.Parse"/> alone would silently drop a typo.</summary>
    private static Role ParseRoles(IEnumerable<string> values)
    {
        var result = Role.None;
        foreach (var name in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<Role>(name, ignoreCase: true, out var role) || role == Role.None || !Roles.All.Contains(role)
                || int.TryParse(name, out _))
                throw new CliInputException("--role", $"'{name}' is not a role; use one of {string.Join(", ", Roles.All)}.");
            result |= role;
        }
        if (result == Role.None) throw new CliInputException("--role", "give at least one role.");
        return result;
    }

    private static string ReadPassword(TextReader input)
    {
        var line = input.ReadLine();
        if (string.IsNullOrEmpty(line))
            throw new CliInputException("--password-stdin", "no password was read from standard input.");
        return line;
    }
}
