using Interlock.Data;
using Interlock.Registry.Exchange;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour.Exchange;

/// <summary>The division-of-labour records exchanged as CSV with HXL hashtags.</summary>
public enum DivisionExchangeKind { Engagements, Needs }

/// <summary>
/// Engagements as a 3W ("who does what where") file and needs as a CSV, both with HXL hashtags, written and read with
/// the registry's HXL code (HxlTable, HxlWriter, ImportRun). An import is all or nothing: one transaction, committed
/// only when no row is rejected; every rejected row is reported with its line, column and reason.
/// </summary>
public static class DivisionExchange
{
    public static bool TryParseKind(string? text, out DivisionExchangeKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text!.Trim()[0]);

    public static string Name(DivisionExchangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string FileName(DivisionExchangeKind kind) => Name(kind) + ".csv";

    public static IReadOnlyList<HxlColumn> Columns(DivisionExchangeKind kind) =>
        kind == DivisionExchangeKind.Engagements ? EngagementExchange.Columns : NeedExchange.Columns;

    /// <summary>The records the actor may read, as CSV text with a header row and a hashtag row.</summary>
    public static Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, DivisionExchangeKind kind, CancellationToken ct) =>
        kind == DivisionExchangeKind.Engagements ? EngagementExchange.ExportAsync(db, actor, ct) : NeedExchange.ExportAsync(db, actor, ct);

    public static Task<ExchangeResult> ImportAsync(InterlockDbContext db, ExchangeActor actor, DivisionExchangeKind kind, string text, CancellationToken ct) =>
        ImportAsync(db, actor, kind, HxlTable.Parse(text), ct);

    /// <summary>Checks every row and writes them all, or none when any row is rejected.</summary>
    /// <exception cref="ExchangeDeniedException">An anonymous caller.</exception>
    public static async Task<ExchangeResult> ImportAsync(InterlockDbContext db, ExchangeActor actor, DivisionExchangeKind kind, HxlTable table,
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
            foreach (var row in table.Rows)
                await run.RunAsync(row, r => kind == DivisionExchangeKind.Engagements
                    ? EngagementExchange.ApplyAsync(r, run, ct)
                    : NeedExchange.ApplyAsync(r, run, ct), ct);
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
