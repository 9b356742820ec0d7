using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// Makes one node at a time evaluate alerts. Call inside a transaction: on PostgreSQL a transaction-level advisory
/// lock, released at commit or rollback (a node that does not get it skips this round: another node is doing the
/// work); on SQLite the transaction itself is the lock, since EF begins it with BEGIN IMMEDIATE, which takes the
/// database's write lock. The unique natural key of <see cref="Alert"/> is the second line of defence.
/// </summary>
public static class RunOnceLock
{
    /// <summary>Distinct from the audit chain's advisory lock key (7316021).</summary>
    public const long Key = 7316022;

    public static async Task<bool> TryTakeAsync(InterlockDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The alert lock is taken inside a transaction.");
        if (!db.Database.IsNpgsql()) return true;
        return await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({Key}) AS \"Value\"").SingleAsync(ct);
    }
}
