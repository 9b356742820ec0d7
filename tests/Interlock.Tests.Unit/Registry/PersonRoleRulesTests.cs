using Interlock.Registry;

namespace Interlock.Tests.Unit.Registry;

public sealed class PersonRoleRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static string[] Fields(PersonRoleKind kind, FocalPointPurpose? purpose = null, string? country = null, string? region = null,
        string? area = null, DateOnly? end = null) =>
        PersonRoleRules.Validate(kind, purpose, country, region, area, Start, end).ToDictionary().Keys.Order().ToArray();

    [Fact]
    public void Each_kind_has_what_it_needs()
    {
        Assert.Empty(Fields(PersonRoleKind.LiaisonOfficial));
        Assert.Empty(Fields(PersonRoleKind.FocalPoint, FocalPointPurpose.EarlyWarning));
        Assert.Empty(Fields(PersonRoleKind.StaffOfficer, country: "MLI", area: "mediation"));
        Assert.Empty(Fields(PersonRoleKind.StaffOfficer, region: "011", area: "mediation"));
    }

    [Fact]
    public void Missing_or_misplaced_fields_are_named()
    {
        Assert.Equal(["purpose"], Fields(PersonRoleKind.FocalPoint));
        Assert.Equal(["purpose"], Fields(PersonRoleKind.LiaisonOfficial, FocalPointPurpose.EarlyWarning));
        Assert.Equal(["areaCode", "countryIso3"], Fields(PersonRoleKind.StaffOfficer));
        Assert.Equal(["countryIso3", "regionCode"], Fields(PersonRoleKind.FocalPoint, FocalPointPurpose.Dissemination, "MLI", "011"));
        Assert.Equal(["end"], Fields(PersonRoleKind.LiaisonOfficial, end: Start));
    }

    [Fact]
    public void A_liaison_term_cannot_be_reopened_into_a_successors_term()
    {
        var org = Guid.NewGuid();
        var roles = new List<PersonRole>();
        var first = LiaisonRule.Appoint(roles, org, Guid.NewGuid(), new DateOnly(2024, 1, 1));
        roles.Add(first);
        roles.Add(LiaisonRule.Appoint(roles, org, Guid.NewGuid(), new DateOnly(2026, 3, 1)));

        Assert.Contains("end", PersonRoleRules.ValidateEnd(first, null, roles).ToDictionary().Keys);
        Assert.Contains("end", PersonRoleRules.ValidateEnd(first, new DateOnly(2026, 3, 2), roles).ToDictionary().Keys);
        Assert.True(PersonRoleRules.ValidateEnd(first, new DateOnly(2026, 3, 1), roles).IsEmpty);
        Assert.True(PersonRoleRules.ValidateEnd(first, new DateOnly(2025, 6, 30), roles).IsEmpty);
        Assert.Contains("end", PersonRoleRules.ValidateEnd(first, new DateOnly(2024, 1, 1), roles).ToDictionary().Keys);
    }

    [Fact]
    public void Other_roles_may_be_reopened()
    {
        var focal = new PersonRole { Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning, Start = Start, End = Start.AddDays(30) };
        Assert.True(PersonRoleRules.ValidateEnd(focal, null, [focal]).IsEmpty);
    }
}
