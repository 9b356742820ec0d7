using Interlock.Inbox;
using Interlock.Security;

namespace Interlock.Tests.Unit.Inbox;

public class InboxRulesTests
{
    private static readonly Guid Au = Guid.CreateVersion7(), Eu = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static InboxItem AlertFor(Guid org) => new()
    {
        Kind = InboxKinds.Alert, SourceId = "a1", Title = "Mali: Alert", RecipientOrganizationId = org,
        RecipientRoles = Role.FocalPoint | Role.Analyst,
    };

    private static Subject User(Guid org, Role roles, TokenScope? scope = null) => new("u-" + roles, "user " + roles, org, roles, scope);

    [Fact]
    public void Only_the_recipient_organizations_users_with_a_recipient_role_see_an_item()
    {
        var item = AlertFor(Au);
        Assert.True(InboxRules.IsVisibleTo(item, User(Au, Role.FocalPoint)));
        Assert.True(InboxRules.IsVisibleTo(item, User(Au, Role.Reader | Role.Analyst)));
        Assert.False(InboxRules.IsVisibleTo(item, User(Au, Role.Reader)));
        Assert.False(InboxRules.IsVisibleTo(item, User(Eu, Role.FocalPoint)));
        Assert.False(InboxRules.IsVisibleTo(item, Subject.Anonymous));

        var filter = InboxRules.VisibleTo(User(Au, Role.FocalPoint)).Compile();
        Assert.True(filter(item));
        Assert.False(filter(AlertFor(Eu)));
        Assert.False(InboxRules.VisibleTo(Subject.Anonymous).Compile()(item));
    }

    [Fact]
    public void The_first_acknowledgement_is_kept()
    {
        var item = AlertFor(Au);
        Assert.True(InboxRules.Acknowledge(item, User(Au, Role.FocalPoint), Now));
        Assert.True(InboxRules.Acknowledge(item, User(Au, Role.Analyst), Now.AddHours(1)));
        Assert.Equal(Now, item.AcknowledgedAt);
        Assert.Equal("user FocalPoint", item.AcknowledgedByName);
    }

    [Fact]
    public void Someone_who_does_not_see_the_item_or_holds_a_read_token_cannot_acknowledge_it()
    {
        var item = AlertFor(Au);
        Assert.False(InboxRules.Acknowledge(item, User(Eu, Role.FocalPoint), Now));
        Assert.False(InboxRules.Acknowledge(item, User(Au, Role.FocalPoint, TokenScope.Read), Now));
        Assert.Null(item.AcknowledgedAt);
    }
}
