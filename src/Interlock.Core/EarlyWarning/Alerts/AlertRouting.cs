using System.Globalization;
using Interlock.Capabilities;
using Interlock.Inbox;
using Interlock.Registry;
using Interlock.Security;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// Who an alert goes to: the UN, every organization the country is a member of on the day, and every organization
/// whose capability scope names the country or one of its M49 regions; each only when the access policy lets it
/// read the alert (a confidential observation's alert never reaches an organization that may not read it).
/// A global capability does not count: it would send every alert in the world to every organization that has one.
/// </summary>
public static class AlertRouting
{
    public const string UnCode = "UN";

    /// <summary>Those who should act on an alert in the recipient organization's inbox.</summary>
    public const Role RecipientRoles = Role.FocalPoint | Role.Analyst | Role.OrgAdmin;

    public const string NoFocalPointNote =
        "No current early-warning focal point: posted to the organization's focal points, analysts and administrators.";

    /// <summary>What the routing reads from the registry, loaded once per evaluation.</summary>
    public sealed record Registry(
        IReadOnlyList<Organization> Organizations,
        IReadOnlyList<Membership> Memberships,
        IReadOnlyList<Capability> Capabilities,
        IReadOnlyList<PersonRole> FocalPointRoles,
        Func<Guid, DateOnly, IEnumerable<SharingGrant>> GrantsOf);

    public sealed record Route(Organization Organization, IReadOnlyList<string> Reasons, IReadOnlyList<Person> FocalPoints);

    public static IReadOnlyList<Route> Recipients(Alert alert, Country country, DateOnly day, Registry registry)
    {
        var reasons = new Dictionary<Guid, List<string>>();
        void Add(Guid org, string reason)
        {
            if (!reasons.TryGetValue(org, out var list)) reasons[org] = list = [];
            if (!list.Contains(reason)) list.Add(reason);
        }

        var active = registry.Organizations.Where(o => o.IsActive(day)).ToDictionary(o => o.Id);
        if (active.Values.FirstOrDefault(o => o.Code == UnCode) is { } un)
            Add(un.Id, "the United Nations receives every alert");
        foreach (var m in registry.Memberships.Where(m => m.CountryIso3 == country.Iso3 && m.IsCurrent(day) && active.ContainsKey(m.OrganizationId)))
            Add(m.OrganizationId, m.JoinedPrecision == Shared.DatePrecision.Unknown
                ? $"{country.NameEn} is a member state"
                : $"{country.NameEn} is a member state since {Shared.PartialDate.Format(m.Joined, m.JoinedPrecision)}");
        var place = CapabilityFinder.Place.ForCountry(country);
        foreach (var c in registry.Capabilities.Where(c => !c.Global && active.ContainsKey(c.OwnerOrganizationId)))
            if (CapabilityFinder.Covers(c, place, code => RegionName(country, code)) is { } coverage)
                Add(c.OwnerOrganizationId, "capability " + coverage);

        var label = RecordLabel.Of(alert);
        var routes = new List<Route>();
        foreach (var (orgId, why) in reasons)
        {
            var reader = new Subject("alert-routing", null, orgId, RecipientRoles);
            if (!AccessPolicy.CanRead(reader, label, registry.GrantsOf(orgId, day))) continue;
            var focalPoints = registry.FocalPointRoles
                .Where(r => r.OrganizationId == orgId && r.Kind == PersonRoleKind.FocalPoint && r.Purpose == FocalPointPurpose.EarlyWarning
                            && r.IsCurrent(day) && r.Person is not null)
                .Select(r => r.Person!).DistinctBy(p => p.Id).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList();
            routes.Add(new Route(active[orgId], why, focalPoints));
        }
        // The UN first, then by code: a stable order for the delivery log.
        return routes.OrderBy(r => r.Organization.Code != UnCode).ThenBy(r => r.Organization.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>One inbox item per focal point, or one for the organization when it has none.</summary>
    public static List<InboxItem> InboxItemsFor(Alert alert, Route route)
    {
        InboxItem Item(Person? person) => new()
        {
            Kind = InboxKinds.Alert,
            SourceId = alert.Id.ToString("D"),
            RecipientOrganizationId = route.Organization.Id,
            RecipientRoles = RecipientRoles,
            RecipientPersonId = person?.Id,
            RecipientName = person?.FullName,
            RecipientEmail = person?.Email,
            Title = alert.Title,
            Body = alert.Summary,
            Link = alert.Link,
            CreatedAt = alert.CreatedAt,
        };
        return route.FocalPoints.Count == 0 ? [Item(null)] : route.FocalPoints.Select(Item).ToList();
    }

    private static string RegionName(Country c, string code) =>
        code == c.RegionCode ? c.RegionEn ?? code
        : code == c.SubregionCode ? c.SubregionEn ?? code
        : code == c.IntermediateCode ? c.IntermediateEn ?? code
        : code.ToString(CultureInfo.InvariantCulture);
}
