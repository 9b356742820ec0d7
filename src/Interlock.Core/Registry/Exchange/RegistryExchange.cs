using Interlock.Data;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>The record types the registry exchanges as HXL CSV.</summary>
public enum ExchangeKind { Organizations, Memberships, Capabilities, Contacts }

/// <summary>
/// Import and export of registry records as CSV files with HXL hashtags, the same for the API, the pages and the CLI.
/// An import is all or nothing: one transaction, committed only when no row is rejected, and every rejected row reported.
/// </summary>
public static class RegistryExchange
{
    /// <summary>Imports larger than this are refused before reading (the registry has hundreds of rows, not millions).</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static bool TryParseKind(string? text, out ExchangeKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text!.Trim()[0]);

    public static string Name(ExchangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string FileName(ExchangeKind kind) => Name(kind) + ".csv";

    public static IReadOnlyList<HxlColumn> Columns(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Organizations => OrganizationExchange.Columns,
        ExchangeKind.Memberships => MembershipExchange.Columns,
        ExchangeKind.Capabilities => CapabilityExchange.Columns,
        _ => ContactExchange.Columns,
    };

    /// <summary>Contact details are personal data: exporting them needs a signed-in FocalPoint or higher.</summary>
    public static bool MayExport(ExchangeKind kind, Subject subject) => kind != ExchangeKind.Contacts || ContactExport.MayExport(subject);

    /// <summary>The records of <paramref name="kind"/> the actor may read, as CSV text with a header row and a hashtag row.</summary>
    /// <exception cref="ExchangeDeniedException">Contacts asked for by someone who may not export them.</exception>
    public static Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, ExchangeKind kind, CancellationToken ct) => kind switch
    {
        ExchangeKind.Organizations => OrganizationExchange.ExportAsync(db, actor, ct),
        ExchangeKind.Memberships => MembershipExchange.ExportAsync(db, actor, ct),
        ExchangeKind.Capabilities => CapabilityExchange.ExportAsync(db, actor, ct),
        _ => ContactExchange.ExportAsync(db, actor, ct),
    };

    public static Task<ExchangeResult> ImportAsync(InterlockDbContext db, ExchangeActor actor, ExchangeKind kind, string text, CancellationToken ct) =>
        ImportAsync(db, actor, kind, HxlTable.Parse(text), ct);

    /// <summary>Checks every row and writes them all, or none when any row is rejected.</summary>
    /// <exception cref="ExchangeDeniedException">An anonymous caller.</exception>
    public static async Task<ExchangeResult> ImportAsync(InterlockDbContext db, ExchangeActor actor, ExchangeKind kind, HxlTable table,
        CancellationToken ct)
    {
        if (!actor.Subject.IsAuthenticated) throw new ExchangeDeniedException("Sign in to import records.");
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Columns(kind), rejections);
        if (rejections.Count > 0) return ExchangeResult.Rejected(table.Rows.Count, rejections);

        var run = new ImportRun(db, actor, binding, rejections);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await (kind switch
            {
                ExchangeKind.Organizations => OrganizationExchange.ImportAsync(run, table, ct),
                ExchangeKind.Memberships => MembershipExchange.ImportAsync(run, table, ct),
                ExchangeKind.Capabilities => CapabilityExchange.ImportAsync(run, table, ct),
                _ => ContactExchange.ImportAsync(run, table, ct),
            });
            var result = run.Result(table.Rows.Count);
            if (result.Succeeded) await transaction.CommitAsync(ct);
            else await transaction.RollbackAsync(ct);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
