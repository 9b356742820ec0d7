using Interlock.Capabilities;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Inbox;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Alerts;

/// <summary>Routing on a small registry: Mali, with the UN, AU, ECOWAS (which Mali left on 2025-01-29), the EU and the OAS.</summary>
public class AlertRoutingTests
{
    private static readonly Country Mali = new()
    {
        Iso3 = "MLI", Iso2 = "ML", NameEn = "Mali", NameFr = "Mali", RegionCode = "002", RegionEn = "Africa", SubregionCode = "202",
        SubregionEn = "Sub-Saharan Africa", IntermediateCode = "011", IntermediateEn = "Western Africa",
    };

    private static Organization Org(string code, DateOnly? dissolved = null) => new() { Code = code, NameEn = code, NameFr = code, Dissolved = dissolved };

    private static readonly Organization Un = Org("UN"), Au = Org("AU"), Ecowas = Org("ECOWAS"), Eu = Org("EU"), Oas = Org("OAS"),
        Oau = Org("OAU", new DateOnly(2002, 7, 9)), Dppa = Org("DPPA");

    private static readonly DateOnly BeforeWithdrawal = new(2025, 1, 28), Withdrawal = new(2025, 1, 29);

    private static Membership Member(Organization o, DateOnly joined, DateOnly? left = null) =>
        new() { OrganizationId = o.Id, CountryIso3 = "MLI", Joined = joined, JoinedPrecision = DatePrecision.Day, Left = left };

    private static Capability Scope(Organization o, string[]? countries = null, string[]? regions = null, bool global = false) => new()
    {
        OwnerOrganizationId = o.Id, AreaCode = "early-warning", Description = "d", ScopeCountries = [.. countries ?? []],
        ScopeRegions = [.. regions ?? []], Global = global,
    };

    private static PersonRole FocalPoint(Organization o, string name, DateOnly start, DateOnly? end = null) => new()
    {
        OrganizationId = o.Id, Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning, Start = start, End = end,
        Person = new Person { FullName = name, OwnerOrganizationId = o.Id, Email = $"{name.Replace(' ', '.')}@example.org" },
    };

    private static AlertRouting.Registry Registry(IEnumerable<SharingGrant>? grants = null, params Capability[] capabilities) => new(
        [Un, Au, Ecowas, Eu, Oas, Oau, Dppa],
        [Member(Un, new(1960, 9, 28)), Member(Au, new(2002, 7, 9)), Member(Ecowas, new(1975, 5, 28), Withdrawal), Member(Oau, new(1963, 5, 25), new(2002, 7, 9))],
        capabilities.Length > 0 ? capabilities : [Scope(Oas, regions: ["019"]), Scope(Dppa, global: true)],
        [FocalPoint(Un, "Ursula Nkemelu", new(2024, 1, 1)), FocalPoint(Ecowas, "Kofi Mensah", new(2020, 1, 1)),
         FocalPoint(Eu, "Eva Lind", new(2020, 1, 1), end: new(2024, 12, 31)), FocalPoint(Eu, "Erik Berg", new(2025, 1, 1)),
         new PersonRole { OrganizationId = Au.Id, Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.Mainstreaming, Start = new(2020, 1, 1),
             Person = new Person { FullName = "Not for early warning", OwnerOrganizationId = Au.Id } }],
        (_, _) => grants ?? []);

    private static Alert PublicRise() => new()
    {
        CountryIso3 = "MLI", Month = new(2025, 1, 1), Trigger = AlertTrigger.RiskRise, TriggerKey = "risk:Warning", Level = RiskLevel.Warning,
        Title = "Mali: risk rose to Warning", Summary = "s", OwnerOrganizationId = Un.Id, Classification = Classification.Public,
    };

    private static string[] Codes(IEnumerable<AlertRouting.Route> routes) => routes.Select(r => r.Organization.Code).ToArray();

    [Fact]
    public void A_rise_reaches_the_UN_and_the_member_organizations_of_the_day()
    {
        var before = AlertRouting.Recipients(PublicRise(), Mali, BeforeWithdrawal, Registry());
        Assert.Equal(["UN", "AU", "ECOWAS"], Codes(before));
        Assert.Contains("Mali is a member state since 1975-05-28", before.Single(r => r.Organization == Ecowas).Reasons);

        // From the day Mali's withdrawal took effect, ECOWAS is no longer a recipient by membership.
        Assert.Equal(["UN", "AU"], Codes(AlertRouting.Recipients(PublicRise(), Mali, Withdrawal, Registry())));
    }

    [Fact]
    public void A_capability_scope_naming_the_country_or_one_of_its_regions_counts_but_a_global_one_does_not()
    {
        var routes = AlertRouting.Recipients(PublicRise(), Mali, Withdrawal,
            Registry(null, Scope(Ecowas, regions: ["011"]), Scope(Eu, countries: ["MLI", "NER"]), Scope(Oas, regions: ["019"]), Scope(Dppa, global: true)));
        Assert.Equal(["UN", "AU", "ECOWAS", "EU"], Codes(routes));
        Assert.Equal(["capability scope covers Mali through Western Africa (011)"], routes.Single(r => r.Organization == Ecowas).Reasons);
        Assert.Equal(["capability scope names Mali"], routes.Single(r => r.Organization == Eu).Reasons);
    }

    [Fact]
    public void Each_organization_gets_its_current_early_warning_focal_points_or_one_item_for_the_organization()
    {
        var routes = AlertRouting.Recipients(PublicRise(), Mali, BeforeWithdrawal, Registry(null, Scope(Eu, regions: ["002"])));
        Assert.Equal(["Ursula Nkemelu"], routes.Single(r => r.Organization == Un).FocalPoints.Select(p => p.FullName));
        Assert.Equal(["Erik Berg"], routes.Single(r => r.Organization == Eu).FocalPoints.Select(p => p.FullName)); // Eva Lind's term ended
        var au = routes.Single(r => r.Organization == Au);
        Assert.Empty(au.FocalPoints); // a focal point for another purpose does not count

        var alert = PublicRise();
        var auItem = Assert.Single(AlertRouting.InboxItemsFor(alert, au));
        Assert.Null(auItem.RecipientPersonId);
        Assert.Equal((InboxKinds.Alert, alert.Id.ToString("D"), Role.FocalPoint | Role.Analyst | Role.OrgAdmin, alert.Link),
            (auItem.Kind, auItem.SourceId, auItem.RecipientRoles, auItem.Link));
        var unItem = Assert.Single(AlertRouting.InboxItemsFor(alert, routes.Single(r => r.Organization == Un)));
        Assert.Equal(("Ursula Nkemelu", "Ursula.Nkemelu@example.org"), (unItem.RecipientName, unItem.RecipientEmail));
    }

    [Fact]
    public void A_confidential_observations_alert_reaches_only_organizations_that_may_read_it()
    {
        var alert = PublicRise();
        alert.Trigger = AlertTrigger.ReportedIndicator;
        alert.OwnerOrganizationId = Ecowas.Id;
        alert.Classification = Classification.Confidential;

        Assert.Equal(["ECOWAS"], Codes(AlertRouting.Recipients(alert, Mali, BeforeWithdrawal, Registry())));

        // An agreement in force lets ECOWAS share observations with the UN: the UN is notified, the AU still is not.
        var grant = new SharingGrant(Ecowas.Id, Un.Id, [Categories.Observation], Classification.Confidential);
        Assert.Equal(["UN", "ECOWAS"], Codes(AlertRouting.Recipients(alert, Mali, BeforeWithdrawal, Registry([grant]))));
        // An agreement on other categories opens nothing.
        var documentsOnly = new SharingGrant(Ecowas.Id, Un.Id, [Categories.Document], Classification.Confidential);
        Assert.Equal(["ECOWAS"], Codes(AlertRouting.Recipients(alert, Mali, BeforeWithdrawal, Registry([documentsOnly]))));

        alert.Classification = Classification.Partners;
        Assert.Equal(["UN", "AU", "ECOWAS"], Codes(AlertRouting.Recipients(alert, Mali, BeforeWithdrawal, Registry())));
    }

    [Fact]
    public void The_delivery_log_shows_every_row_to_the_UN_and_its_own_rows_to_others()
    {
        var unUser = new Subject("u1", "un", Un.Id, Role.FocalPoint);
        var auUser = new Subject("u2", "au", Au.Id, Role.FocalPoint);
        Assert.True(DeliveryLogRules.SeesRow(unUser, Au.Id, Un.Id));
        Assert.True(DeliveryLogRules.SeesRow(auUser, Au.Id, Un.Id));
        Assert.False(DeliveryLogRules.SeesRow(auUser, Ecowas.Id, Un.Id));
        Assert.False(DeliveryLogRules.SeesRow(Subject.Anonymous, Au.Id, Un.Id));
    }
}
