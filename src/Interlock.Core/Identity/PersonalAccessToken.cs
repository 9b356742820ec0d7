using System.Security.Cryptography;
using System.Text;
using Interlock.Security;

namespace Interlock.Identity;

/// <summary>
/// A machine token for a system of another organization (e.g. one that pushes observations).
/// Only the SHA-256 of the secret is stored; the secret is shown once at creation.
/// </summary>
public sealed class PersonalAccessToken
{
    public const string Prefix = "ilk_";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public InterlockUser? User { get; set; }
    public required string Name { get; set; }
    public TokenScope Scope { get; set; }
    /// <summary>Hex SHA-256 of the whole token string; unique, the lookup key.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The first characters of the token, so owners can tell tokens apart.</summary>
    public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public string? LastUsedFrom { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);
}
