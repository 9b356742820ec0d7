using System.CommandLine;
using System.Text;
using Interlock.Audit;
using Interlock.Data;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary>
/// <c>interlock import registry TYPE FILE --as USER</c> and <c>interlock export registry TYPE [--out FILE] [--as USER]</c>:
/// the registry's HXL CSV exchange, with the same rules as the API, acting as a named user of the database so that the
/// access policy decides what is written and read, and the audit log names that user.
/// </summary>
public static class RegistryExchangeCommands
{
    private static readonly string Types = string.Join("|", Enum.GetValues<ExchangeKind>().Select(RegistryExchange.Name));

    public static Command Import(CliContext cli)
    {
        var type = TypeArgument();
        var file = new Argument<FileInfo>("file") { Description = "The CSV file, with a header row and a row of HXL hashtags (as the export writes it)." };
        var user = new Option<string>("--as")
        {
            Description = "The user the import writes as: their organization and roles decide what they may create and change.",
            HelpName = "USER", Required = true,
        };
        var command = new Command("registry",
            $"Import registry records ({Types}) from an HXL CSV file. All rows or none: one rejected row rejects the file, and every rejected row is listed.")
        {
            type, file, user,
        };
        command.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var kind = ParseKind(parse.GetRequiredValue(type));
            var path = parse.GetRequiredValue(file);
            if (!path.Exists) throw new CliInputException("<file>", $"no file at '{path.FullName}'.");
            if (path.Length > RegistryExchange.MaxFileBytes) throw new CliInputException("<file>", $"larger than {RegistryExchange.MaxFileBytes / 1024 / 1024} MB.");
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var (db, actor) = await OpenAsUserAsync(scope.ServiceProvider, parse.GetRequiredValue(user), token);
            await using var _ = db;
            await using var stream = path.OpenRead();
            var result = await RegistryExchange.ImportAsync(db, actor, kind, await HxlTable.ReadAsync(stream, token), token);
            if (!result.Succeeded)
            {
                foreach (var r in result.Rejections) cli.Err.WriteError($"{path.Name} line {r.Line}, {r.Column}", r.Reason);
                cli.Err.WriteError(null, $"nothing was imported: {result.Rejections.Select(r => r.Line).Distinct().Count()} of {result.Rows} rows are rejected.");
                return ExitCodes.InvalidInput;
            }
            cli.Out.WriteLine($"Imported {RegistryExchange.Name(kind)} from {path.Name}: {result.Rows} rows; created {result.Created}, " +
                              $"updated {result.Updated}, unchanged {result.Unchanged}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Export(CliContext cli)
    {
        var type = TypeArgument();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the CSV. Default: standard output.", HelpName = "FILE" };
        var user = new Option<string>("--as")
        {
            Description = "Export what this user may read (required for contacts, which only FocalPoint or higher export). Default: public records only.",
            HelpName = "USER",
        };
        var registry = new Command("registry", $"Export registry records ({Types}) as an HXL CSV file that 'import registry' reads back.")
        {
            type, output, user,
        };
        registry.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var kind = ParseKind(parse.GetRequiredValue(type));
            var userName = parse.GetValue(user);
            if (kind == ExchangeKind.Contacts && userName is null)
                throw new CliInputException("--as", "contacts are personal data: name the user (FocalPoint or higher) the export is made for.");
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var (db, actor) = userName is null
                ? (scope.ServiceProvider.GetRequiredService<InterlockDbContext>(), new ExchangeActor(Subject.Anonymous, [], Today()))
                : await OpenAsUserAsync(scope.ServiceProvider, userName, token);
            string csv;
            try { csv = await RegistryExchange.ExportAsync(db, actor, kind, token); }
            catch (ExchangeDeniedException e) { throw new CliInputException("--as", e.Message); }
            var file = parse.GetValue(output);
            if (file is null) { cli.Out.Profile.Out.Writer.Write(csv); return ExitCodes.Ok; }
            await File.WriteAllTextAsync(file.FullName, csv, new UTF8Encoding(true), token);
            cli.Err.WriteLine($"Wrote {csv.Count(c => c == '\n') - 2} {RegistryExchange.Name(kind)} rows to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        var export = new Command("export", "Write records to a file.");
        export.Subcommands.Add(registry);
        return export;
    }

    private static Argument<string> TypeArgument() => new("type") { Description = $"What to exchange: {Types}." };

    private static ExchangeKind ParseKind(string text) =>
        RegistryExchange.TryParseKind(text, out var kind) ? kind : throw new CliInputException("<type>", $"'{text}' is not one of {Types}.");

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A context whose audit entries name the user (and the operating-system user who ran the command), and that user's access.</summary>
    internal static async Task<(InterlockDbContext, ExchangeActor)> OpenAsUserAsync(IServiceProvider services, string userName, CancellationToken ct)
    {
        var lookup = services.GetRequiredService<InterlockDbContext>();
        var actor = await ExchangeActor.ForUserAsync(lookup, userName, Today(), ct)
                    ?? throw new CliInputException("--as", $"no user is named '{userName}'.");
        var options = services.GetRequiredService<DbContextOptions<InterlockDbContext>>();
        var audit = new FixedAuditActor(actor.Subject.UserId, $"{actor.Subject.UserName} (cli:{Environment.UserName})", actor.Subject.OrganizationId, "cli");
        return (new InterlockDbContext(options, audit, TimeProvider.System), actor);
    }
}
