using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Xunit;

namespace Interlock.Tests.Unit.Registry;

/// <summary>Who may act for a party, and how a party may end an agreement: the rules the API and the pages share.</summary>
public sealed class SharingAgreementActionsTests
{
    private static readonly Guid Au = Guid.NewGuid(), Ecowas = Guid.NewGuid(), Eu = Guid.NewGuid();

    private static SharingAgreement Agreement(DateOnly? validTo = null) => new()
    {
        Title = "AU–ECOWAS early-warning exchange",
        ValidFrom = new DateOnly(2026, 3, 1),
        ValidTo = validTo,
        Parties = [new() { OrganizationId = Au, ConfirmedAt = DateTimeOffset.UnixEpoch }, new() { OrganizationId = Ecowas }],
    };

    private static Subject Of(Guid org, Role roles, TokenScope? scope = null) => new("u1", "someone", org, roles, scope);

    [Fact]
    public void An_OrgAdmin_of_a_party_acts_for_their_own_organization()
    {
        var party = SharingAgreementActions.ActingParty(Of(Ecowas, Role.OrgAdmin), Agreement());
        Assert.NotNull(party);
        Assert.Equal(Ecowas, party.OrganizationId);
    }

    [Theory]
    [InlineData(Role.Contributor)]
    [InlineData(Role.Analyst | Role.FocalPoint)]
    [InlineData(Role.Reader)]
    public void Other_roles_of_a_party_may_not_act(Role roles) =>
        Assert.Null(SharingAgreementActions.ActingParty(Of(Ecowas, roles), Agreement()));

    [Fact]
    public void An_OrgAdmin_of_an_organization_that_is_not_a_party_may_not_act() =>
        Assert.Null(SharingAgreementActions.ActingParty(Of(Eu, Role.OrgAdmin | Role.Administrator), Agreement()));

    [Fact]
    public void A_read_only_token_may_not_act_even_for_an_OrgAdmin() =>
        Assert.Null(SharingAgreementActions.ActingParty(Of(Ecowas, Role.OrgAdmin, TokenScope.Read), Agreement()));

    [Fact]
    public void Nobody_anonymous_acts() =>
        Assert.Null(SharingAgreementActions.ActingParty(Subject.Anonymous, Agreement()));

    [Theory]
    [InlineData(null, "2026-02-28", "validTo")]          // before the start
    [InlineData(null, "2026-03-01", null)]               // the first day is a valid last day
    [InlineData("2026-12-31", "2026-06-30", null)]       // earlier than planned
    [InlineData("2026-12-31", "2026-12-31", null)]       // the same day
    [InlineData("2026-12-31", "2027-01-01", "validTo")]  // an extension
    public void A_party_ends_an_agreement_earlier_never_later(string? planned, string end, string? errorField)
    {
        var agreement = Agreement(planned is null ? null : DateOnly.Parse(planned));
        var errors = SharingAgreementActions.ValidateEnd(agreement, DateOnly.Parse(end));
        if (errorField is null) Assert.True(errors.IsEmpty, errors.ToString());
        else Assert.Contains(errorField, errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_title_longer_than_the_column_is_refused()
    {
        var errors = SharingAgreement.Validate(new string('x', 301), [Au, Ecowas], [], Classification.Confidential, new(2026, 1, 1), null);
        Assert.Contains("title", errors.ToDictionary().Keys);
        Assert.True(SharingAgreement.Validate(new string('x', 300), [Au, Ecowas], [], Classification.Confidential, new(2026, 1, 1), null).IsEmpty);
    }
}
