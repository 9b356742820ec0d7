using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

public enum RowOutcome { Unchanged, Updated, Created, Rejected }

/// <summary>
/// One import in progress: rows are written one at a time inside a single transaction, so that a later row sees the
/// records an earlier row created (a predecessor, a person named on several rows); at the end the transaction commits
/// only when no row was rejected. Every row is checked, so the report lists every rejected row.
/// </summary>
public sealed class ImportRun(InterlockDbContext db, ExchangeActor actor, HxlBinding binding, List<ExchangeRejection> rejections)
{
    private readonly Dictionary<int, RowOutcome> _outcomes = [];

    public InterlockDbContext Db { get; } = db;
    public ExchangeActor Actor { get; } = actor;

    public ExchangeRow Row(HxlRow row) => new(row, binding, rejections);

    /// <summary>
    /// Runs <paramref name="apply"/> for one row and saves what it changed. A row that is rejected saves nothing and
    /// leaves no tracked change behind for the next row.
    /// </summary>
    public async Task RunAsync(HxlRow hxl, Func<ExchangeRow, Task<RowOutcome>> apply, CancellationToken ct)
    {
        var row = Row(hxl);
        RowOutcome outcome;
        try
        {
            outcome = await apply(row);
            if (row.IsRejected) outcome = RowOutcome.Rejected;
            else if (outcome != RowOutcome.Unchanged) await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // The rules above should catch everything; a constraint the database still refuses is reported, not thrown.
            row.Reject(new HxlColumn("Row", "#meta+row"), $"The database refused the row: {e.InnerException?.Message ?? e.Message}");
            outcome = RowOutcome.Rejected;
        }
        Db.ChangeTracker.Clear();
        Record(hxl.Line, outcome);
    }

    /// <summary>A row written in two steps (a person, then a liaison term) counts once, as its most significant outcome.</summary>
    private void Record(int line, RowOutcome outcome) =>
        _outcomes[line] = _outcomes.TryGetValue(line, out var before) && before > outcome ? before : outcome;

    public bool WasRejected(int line) => _outcomes.GetValueOrDefault(line) == RowOutcome.Rejected;

    /// <summary>
    /// A row that creates or changes a record must pass the access policy's write rule for <paramref name="label"/>; a row
    /// that changes nothing needs no permission (re-importing a whole export is harmless).
    /// </summary>
    public RowOutcome Permit(ExchangeRow row, RowOutcome outcome, Security.RecordLabel label, HxlColumn column, string refusal)
    {
        if (outcome is RowOutcome.Unchanged or RowOutcome.Rejected) return outcome;
        var decision = Actor.DecideWrite(label);
        if (decision.Allowed) return outcome;
        row.Reject(column, $"{refusal}: {decision.Reason}.");
        return RowOutcome.Rejected;
    }

    /// <summary>Whether the tracked records differ from what was loaded.</summary>
    public bool HasChanges()
    {
        Db.ChangeTracker.DetectChanges();
        return Db.ChangeTracker.HasChanges();
    }

    public ExchangeResult Result(int rows) => rejections.Count > 0
        ? ExchangeResult.Rejected(rows, rejections.OrderBy(r => r.Line).ToList())
        : new ExchangeResult(rows, Count(RowOutcome.Created), Count(RowOutcome.Updated), Count(RowOutcome.Unchanged), []);

    private int Count(RowOutcome o) => _outcomes.Values.Count(v => v == o);
}
