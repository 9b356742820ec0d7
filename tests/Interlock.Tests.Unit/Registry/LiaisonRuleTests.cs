using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Registry;

public sealed class LiaisonRuleTests
{
    private static readonly Guid Au = Guid.NewGuid();

    [Fact]
    public void Naming_a_new_liaison_official_ends_the_previous_term_that_day()
    {
        var roles = new List<PersonRole>();
        var first = LiaisonRule.Appoint(roles, Au, Guid.NewGuid(), new DateOnly(2024, 1, 15));
        roles.Add(first);
        var second = LiaisonRule.Appoint(roles, Au, Guid.NewGuid(), new DateOnly(2026, 3, 1));
        roles.Add(second);

        Assert.Equal(new DateOnly(2026, 3, 1), first.End);
        Assert.Same(first, LiaisonRule.CurrentOn(roles, new DateOnly(2026, 2, 28)));
        Assert.Same(second, LiaisonRule.CurrentOn(roles, new DateOnly(2026, 3, 1)));
        Assert.Null(LiaisonRule.CurrentOn(roles, new DateOnly(2023, 12, 31)));
    }

    [Fact]
    public void A_successor_cannot_start_before_the_current_term()
    {
        var roles = new List<PersonRole> { LiaisonRule.Appoint([], Au, Guid.NewGuid(), new DateOnly(2026, 3, 1)) };
        var ex = Assert.Throws<DomainValidationException>(() => LiaisonRule.Appoint(roles, Au, Guid.NewGuid(), new DateOnly(2026, 1, 1)));
        Assert.Contains("start", ex.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Other_organizations_and_other_roles_are_left_alone()
    {
        var other = new PersonRole { OrganizationId = Guid.NewGuid(), Kind = PersonRoleKind.LiaisonOfficial, Start = new DateOnly(2020, 1, 1) };
        var focal = new PersonRole { OrganizationId = Au, Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning, Start = new DateOnly(2020, 1, 1) };
        LiaisonRule.Appoint([other, focal], Au, Guid.NewGuid(), new DateOnly(2026, 1, 1));
        Assert.Null(other.End);
        Assert.Null(focal.End);
    }
}
