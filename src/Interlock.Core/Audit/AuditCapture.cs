using System.Text.Json;
using Interlock.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Interlock.Audit;

/// <summary>Turns the pending changes of a save into audit entries, with the changed fields and without secrets.</summary>
internal static class AuditCapture
{
    /// <summary>Fields whose values never go into the log: credentials and key material.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        nameof(InterlockUser.PasswordHash), nameof(InterlockUser.SecurityStamp), nameof(InterlockUser.ConcurrencyStamp),
        nameof(PersonalAccessToken.TokenHash), nameof(DataProtectionKey.Xml), "Value",
    };

    public static List<AuditEntry> Capture(ChangeTracker tracker, Func<string, string, string, string?, AuditEntry> newEntry)
    {
        var result = new List<AuditEntry>();
        foreach (var e in tracker.Entries())
        {
            if (e.Entity is AuditEntry) continue;
            var action = e.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Modified => AuditActions.Update,
                EntityState.Deleted => AuditActions.Delete,
                _ => null,
            };
            if (action is null) continue;
            if (action == AuditActions.Update && !e.Properties.Any(p => p.IsModified)) continue;
            result.Add(newEntry(action, e.Metadata.ClrType.Name, KeyOf(e), Details(e)));
        }
        return result;
    }

    private static string KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Select(p =>
        {
            var prop = e.Property(p.Name);
            return prop.IsTemporary ? "(new)" : Convert.ToString(prop.CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }));
    }

    private static string? Details(EntityEntry e)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            if (p.Metadata.IsPrimaryKey() && e.State != EntityState.Modified) continue;
            var name = p.Metadata.Name;
            switch (e.State)
            {
                case EntityState.Added:
                    values[name] = Redacted.Contains(name) ? "(redacted)" : Plain(p.CurrentValue);
                    break;
                case EntityState.Modified when p.IsModified:
                    values[name] = Redacted.Contains(name)
                        ? "(changed)"
                        : new { from = Plain(p.OriginalValue), to = Plain(p.CurrentValue) };
                    break;
            }
        }
        return values.Count == 0 ? null : JsonSerializer.Serialize(values);
    }

    private static object? Plain(object? v) => v switch
    {
        null => null,
        Enum en => en.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        System.Collections.IEnumerable list when v is not string => list.Cast<object?>().Select(x => x?.ToString()).ToArray(),
        _ => v,
    };
}
