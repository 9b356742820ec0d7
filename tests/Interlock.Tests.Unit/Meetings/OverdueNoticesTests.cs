using Interlock.Inbox;
using Interlock.Meetings;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Meetings;

public sealed class OverdueNoticesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static Decision D(DecisionStatus status, int dueInDays, Classification c = Classification.Partners, params Guid[] owners)
    {
        var d = new Decision { Text = "Exchange liaison officers", Status = status, DueOn = Today.AddDays(dueInDays), Classification = c, OwnerOrganizationId = Guid.NewGuid() };
        d.Owners = owners.Select(o => new DecisionOwner { DecisionId = d.Id, OrganizationId = o }).ToList();
        return d;
    }

    [Fact]
    public void One_notice_per_owner_of_each_overdue_decision_addressed_to_those_who_act()
    {
        var au = Guid.NewGuid();
        var eu = Guid.NewGuid();
        var notices = OverdueNotices.For([D(DecisionStatus.Agreed, -1, owners: [au, eu]), D(DecisionStatus.Agreed, 1, owners: [au]),
            D(DecisionStatus.Implemented, -9, owners: [au]), D(DecisionStatus.Unknown, -9, owners: [au])], Today, DateTimeOffset.UnixEpoch);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n =>
        {
            Assert.Equal(InboxKinds.OverdueActionItem, n.Kind);
            Assert.Equal(OverdueNotices.Recipients, n.RecipientRoles);
            Assert.Contains("Exchange liaison officers", n.Title);
            Assert.EndsWith(":20260531", n.SourceId);
        });
        Assert.Equal(new[] { au, eu }.Order(), notices.Select(n => n.RecipientOrganizationId).Order());
    }

    [Fact]
    public void A_confidential_decision_tells_other_owners_only_that_it_is_overdue()
    {
        var other = Guid.NewGuid();
        var d = D(DecisionStatus.InProgress, -3, Classification.Confidential, other);
        var notice = Assert.Single(OverdueNotices.For([d], Today, DateTimeOffset.UnixEpoch));
        Assert.DoesNotContain(d.Text, notice.Title);
        Assert.Null(notice.Body);
    }
}
