using System.CommandLine;
using System.Text;
using Interlock.Data;
using Interlock.DivisionOfLabour.Exchange;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary>
/// <c>interlock import engagements|needs FILE --as USER</c> and <c>interlock export engagements|needs [--out FILE] [--as USER]</c>:
/// the division of labour's HXL CSV exchange (engagements as a 3W file), with the same rules as the API, acting as a
/// named user so that the access policy decides what is written and read and the audit log names that user.
/// </summary>
public static class DivisionExchangeCommands
{
    public static Command Import(CliContext cli, DivisionExchangeKind kind)
    {
        var name = DivisionExchange.Name(kind);
        var file = new Argument<FileInfo>("file") { Description = "The CSV file, with a header row and a row of HXL hashtags (as the export writes it)." };
        var user = new Option<string>("--as")
        {
            Description = "The user the import writes as: their organization and roles decide what they may create and change.",
            HelpName = "USER", Required = true,
        };
        var command = new Command(name,
            $"Import {name} from an HXL CSV file{(kind == DivisionExchangeKind.Engagements ? " (3W)" : "")}. All rows or none: one rejected row rejects the file, and every rejected row is listed.")
        {
            file, user,
        };
        command.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists) throw new CliInputException("<file>", $"no file at '{path.FullName}'.");
            if (path.Length > RegistryExchange.MaxFileBytes) throw new CliInputException("<file>", $"larger than {RegistryExchange.MaxFileBytes / 1024 / 1024} MB.");
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var (db, actor) = await RegistryExchangeCommands.OpenAsUserAsync(scope.ServiceProvider, parse.GetRequiredValue(user), token);
            await using var _ = db;
            await using var stream = path.OpenRead();
            var result = await DivisionExchange.ImportAsync(db, actor, kind, await HxlTable.ReadAsync(stream, token), token);
            if (!result.Succeeded)
            {
                foreach (var r in result.Rejections) cli.Err.WriteError($"{path.Name} line {r.Line}, {r.Column}", r.Reason);
                cli.Err.WriteError(null, $"nothing was imported: {result.Rejections.Select(r => r.Line).Distinct().Count()} of {result.Rows} rows are rejected.");
                return ExitCodes.InvalidInput;
            }
            cli.Out.WriteLine($"Imported {name} from {path.Name}: {result.Rows} rows; created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Export(CliContext cli, DivisionExchangeKind kind)
    {
        var name = DivisionExchange.Name(kind);
        var output = new Option<FileInfo>("--out") { Description = "Where to write the CSV. Default: standard output.", HelpName = "FILE" };
        var user = new Option<string>("--as") { Description = "Export what this user may read. Default: public records only.", HelpName = "USER" };
        var command = new Command(name, $"Export {name} as an HXL CSV file{(kind == DivisionExchangeKind.Engagements ? " (3W)" : "")} that 'import {name}' reads back.")
        {
            output, user,
        };
        command.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var userName = parse.GetValue(user);
            var (db, actor) = userName is null
                ? (scope.ServiceProvider.GetRequiredService<InterlockDbContext>(), new ExchangeActor(Subject.Anonymous, [], DateOnly.FromDateTime(DateTime.UtcNow)))
                : await RegistryExchangeCommands.OpenAsUserAsync(scope.ServiceProvider, userName, token);
            var csv = await DivisionExchange.ExportAsync(db, actor, kind, token);
            var file = parse.GetValue(output);
            if (file is null) { cli.Out.Profile.Out.Writer.Write(csv); return ExitCodes.Ok; }
            await File.WriteAllTextAsync(file.FullName, csv, new UTF8Encoding(true), token);
            cli.Err.WriteLine($"Wrote {csv.Count(c => c == '\n') - 2} {name} rows to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
