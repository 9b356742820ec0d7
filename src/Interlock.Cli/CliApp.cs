using System.CommandLine;
using System.CommandLine.Invocation;
using Interlock.Cli.Commands;

namespace Interlock.Cli;

/// <summary>
/// The command tree of <c>interlock</c>. <see cref="RunAsync"/> takes its streams and configuration as arguments,
/// so tests run the real commands in-process exactly as the executable does.
/// </summary>
public static class CliApp
{
    public static RootCommand BuildCommand(CliContext cli)
    {
        var root = new RootCommand(
            "Interlock administration: database schema, reference data, users, tokens and the audit log. " +
            "Reads the same configuration as the web host (appsettings.json in the working directory, " +
            "Database__Provider and ConnectionStrings__Interlock); --provider and --connection override it.");
        root.Options.Add(cli.Provider);
        root.Options.Add(cli.Connection);
        cli.Provider.AcceptOnlyFromAmong("sqlite", "postgres");
        root.Subcommands.Add(DbCommands.Create(cli));
        root.Subcommands.Add(SeedCommand.Create(cli));
        root.Subcommands.Add(UserCommands.Create(cli));
        root.Subcommands.Add(TokenCommands.Create(cli));
        root.Subcommands.Add(AuditCommands.Create(cli));
        var import = ImportCommands.Create(cli);
        import.Subcommands.Add(RegistryExchangeCommands.Import(cli));
        var export = RegistryExchangeCommands.Export(cli);
        foreach (var kind in Enum.GetValues<Interlock.DivisionOfLabour.Exchange.DivisionExchangeKind>())
        {
            import.Subcommands.Add(DivisionExchangeCommands.Import(cli, kind));
            export.Subcommands.Add(DivisionExchangeCommands.Export(cli, kind));
        }
        root.Subcommands.Add(import);
        root.Subcommands.Add(export);
        root.Subcommands.Add(ImportCommands.CreateEvents(cli));
        root.Subcommands.Add(AlertCommands.Create(cli));
        root.Subcommands.Add(RiskCommands.Create(cli));
        return root;
    }

    /// <summary>Parses and runs one command line; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IDictionary<string, string?>? configOverrides = null, TextReader? input = null, CancellationToken ct = default)
    {
        var cli = new CliContext(output, error, input ?? TextReader.Null, configOverrides);
        var parse = BuildCommand(cli).Parse(args);
        var code = await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Failures are reported by CliContext; Ctrl+C is wired by Program, not by the library, so tests never touch signals.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, ct);
        // A command line that does not parse is wrong input, like an unknown organization.
        return parse.Action is ParseErrorAction ? ExitCodes.InvalidInput : code;
    }
}
