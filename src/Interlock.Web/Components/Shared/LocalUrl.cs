namespace Interlock.Web.Components.Shared;

public static class LocalUrl
{
    /// <summary>Only local paths: an open redirect would let a phishing link borrow our sign-in pages.</summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 } u && u.StartsWith('/') && !u.StartsWith("//") && !u.StartsWith("/\\") ? u : "/";
}
