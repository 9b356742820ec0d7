using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Audit;

/// <summary>Streams the audit log from the database through <see cref="AuditChain.Verify"/>.</summary>
public static class AuditVerifier
{
    public static Task<AuditChain.VerifyResult> VerifyAsync(InterlockDbContext db, CancellationToken ct = default) =>
        // Streams row by row: the log can be far larger than memory.
        Task.Run(() => AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsEnumerable()), ct);
}
