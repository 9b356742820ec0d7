using Interlock.Registry;
using Microsoft.Extensions.Localization;

namespace Interlock.Web.Components.Shared;

/// <summary>Translated names of role kinds and focal-point purposes.</summary>
public static class RoleText
{
    public static string Kind(IStringLocalizer l, PersonRoleKind kind) => l["RoleKind." + kind];

    public static string Purpose(IStringLocalizer l, FocalPointPurpose? purpose) => purpose is { } p ? l["Purpose." + p] : "";
}
