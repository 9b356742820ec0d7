using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interlock.Audit;

/// <summary>The hash chain of the audit log: how an entry's hash is computed, and how the chain is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are kept to the millisecond so that every database returns exactly what was hashed.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEntry e)
    {
        // One field per line; the separators cannot be confused because every field is length-prefixed.
        var sb = new StringBuilder();
        void Field(string? value) => sb.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('\n');
        Field(e.PreviousHash);
        Field(Normalize(e.At).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        Field(e.Action);
        Field(e.EntityType);
        Field(e.EntityId);
        Field(e.UserId);
        Field(e.UserName);
        Field(e.OrganizationId?.ToString("D"));
        Field(e.RemoteAddress);
        Field(e.Details);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public sealed record VerifyResult(bool Intact, long Checked, long? BrokenAtId, string? Problem);

    /// <summary>Walks the entries in id order and reports the first one that does not hold.</summary>
    public static VerifyResult Verify(IEnumerable<AuditEntry> entriesInIdOrder)
    {
        var expectedPrevious = Genesis;
        long count = 0;
        long? previousId = null;
        foreach (var e in entriesInIdOrder)
        {
            count++;
            if (!string.Equals(e.PreviousHash, expectedPrevious, StringComparison.Ordinal))
                return new(false, count, e.Id, previousId is null
                    ? $"entry {e.Id} does not start the chain: an earlier entry was deleted"
                    : $"entry {e.Id} does not follow entry {previousId}: an entry between them was deleted or entry {previousId} was changed");
            var actual = ComputeHash(e);
            if (!string.Equals(actual, e.Hash, StringComparison.Ordinal))
                return new(false, count, e.Id, $"entry {e.Id} was changed after it was written: its hash does not match its content");
            expectedPrevious = e.Hash;
            previousId = e.Id;
        }
        return new(true, count, null, null);
    }
}
