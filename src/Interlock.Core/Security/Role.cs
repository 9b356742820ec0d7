namespace Interlock.Security;

/// <summary>
/// Roles a user holds within their own organization. Administrator is the secretariat's role
/// for the shared registry and users; it grants no read of another organization's restricted records.
/// </summary>
[Flags]
public enum Role
{
    None = 0,
    Reader = 1,
    Contributor = 2,
    FocalPoint = 4,
    Analyst = 8,
    OrgAdmin = 16,
    Administrator = 32,
}

public static class Roles
{
    public static readonly Role[] All = [Role.Reader, Role.Contributor, Role.FocalPoint, Role.Analyst, Role.OrgAdmin, Role.Administrator];

    /// <summary>Roles that may create and edit their own organization's records.</summary>
    public const Role Writers = Role.Contributor | Role.FocalPoint | Role.Analyst | Role.OrgAdmin | Role.Administrator;

    public static Role Parse(IEnumerable<string> names)
    {
        var result = Role.None;
        foreach (var name in names)
            if (Enum.TryParse<Role>(name, ignoreCase: true, out var r) && r != Role.None) result |= r;
        return result;
    }

    public static IEnumerable<string> Names(Role roles) =>
        All.Where(r => roles.HasFlag(r)).Select(r => r.ToString());
}
