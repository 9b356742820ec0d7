using Interlock.Data;
using Interlock.Shared;

namespace Interlock.Registry.Exchange;

/// <summary>Exports log reads of restricted records, as AccessService does for the API and the pages.</summary>
internal static class ExchangeAudit
{
    public static async Task RecordReadsAsync<T>(InterlockDbContext db, IEnumerable<T> records, CancellationToken ct) where T : IClassified
    {
        var restricted = records.Where(r => r.Classification >= Classification.Confidential).ToList();
        if (restricted.Count == 0) return;
        foreach (var r in restricted)
            db.RecordRead(typeof(T).Name, r.Id.ToString("D"), $"{{\"classification\":\"{r.Classification}\",\"via\":\"csv export\"}}");
        await db.SaveChangesAsync(ct);
    }
}
