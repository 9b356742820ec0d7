using System.CommandLine;
using Interlock.Audit;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock audit verify</c>: walks the hash chain of the audit log.</summary>
public static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var verify = new Command("verify",
            "Check the hash chain of the audit log from the first entry to the last. Exit code 0 when intact, 1 at the first broken link.");
        verify.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
            var total = await db.AuditEntries.LongCountAsync(token);
            var result = await cli.Out.WithStatusAsync($"Verifying {total} audit entries…", () => AuditVerifier.VerifyAsync(db, token));
            if (result.Intact)
            {
                cli.Out.WriteLine($"intact: {result.Checked} entries");
                return ExitCodes.Ok;
            }
            cli.Out.WriteLine($"broken at entry {result.BrokenAtId}: {result.Problem}");
            cli.Out.WriteLine($"({result.Checked - 1} entries before it are intact; entries from it on cannot be trusted.)");
            return ExitCodes.CheckFailed;
        }));

        var audit = new Command("audit", "Inspect the audit log.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
