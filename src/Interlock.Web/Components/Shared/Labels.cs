using Microsoft.Extensions.Localization;

namespace Interlock.Web.Components.Shared;

/// <summary>
/// Translated names of codes whose list grows with the modules (data categories, audit actions): a code that has
/// no translation yet shows as itself rather than as a resource key.
/// </summary>
public static class Labels
{
    public static string Category(IStringLocalizer l, string category) => Named(l, "Category." + category, category);

    public static string AuditAction(IStringLocalizer l, string action) => Named(l, "AuditAction." + action, action);

    private static string Named(IStringLocalizer l, string key, string fallback) =>
        l[key] is { ResourceNotFound: false } s ? s.Value : fallback;
}
