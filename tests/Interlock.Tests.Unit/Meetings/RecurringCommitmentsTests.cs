using Interlock.Meetings;

namespace Interlock.Tests.Unit.Meetings;

public sealed class RecurringCommitmentsTests
{
    private static Decision Annual(DecisionStatus status = DecisionStatus.Agreed) => new()
    {
        Text = "To convene on an annual basis", Status = status, RecurrenceMonths = 12, DueOn = new DateOnly(2006, 7, 26), Key = "2005-7-1",
        Owners = [new DecisionOwner { OrganizationId = Guid.NewGuid() }, new DecisionOwner { OrganizationId = Guid.NewGuid() }],
    };

    [Fact]
    public void Occurrences_are_generated_up_to_the_current_one_each_with_its_own_due_date_and_owners()
    {
        var parent = Annual();
        var list = RecurringCommitments.MissingOccurrences(parent, [], new DateOnly(2009, 1, 1), DateTimeOffset.UnixEpoch);
        Assert.Equal([new DateOnly(2006, 7, 26), new DateOnly(2007, 7, 26), new DateOnly(2008, 7, 26), new DateOnly(2009, 7, 26)], list.Select(o => o.DueOn!.Value));
        Assert.Equal([1, 2, 3, 4], list.Select(o => o.Occurrence!.Value));
        Assert.All(list, o =>
        {
            Assert.Equal(parent.Id, o.ParentId);
            Assert.Null(o.RecurrenceMonths);
            Assert.Equal(DecisionStatus.Agreed, o.Status);
            Assert.Equal(parent.Owners.Select(x => x.OrganizationId), o.Owners.Select(x => x.OrganizationId));
            Assert.All(o.Owners, x => Assert.Equal(o.Id, x.DecisionId));
        });
        Assert.Equal("2005-7-1#3", list[2].Key);
    }

    [Fact]
    public void Existing_occurrences_are_not_generated_again()
    {
        var list = RecurringCommitments.MissingOccurrences(Annual(), [1, 2, 4], new DateOnly(2009, 1, 1), DateTimeOffset.UnixEpoch);
        Assert.Equal([3], list.Select(o => o.Occurrence!.Value));
    }

    [Fact]
    public void The_history_stays_unknown_and_a_lapsed_commitment_generates_nothing()
    {
        Assert.All(RecurringCommitments.MissingOccurrences(Annual(DecisionStatus.Unknown), [], new DateOnly(2008, 1, 1), DateTimeOffset.UnixEpoch),
            o => Assert.Equal(DecisionStatus.Unknown, o.Status));
        Assert.Empty(RecurringCommitments.MissingOccurrences(Annual(DecisionStatus.Lapsed), [], new DateOnly(2008, 1, 1), DateTimeOffset.UnixEpoch));
        Assert.Empty(RecurringCommitments.MissingOccurrences(new Decision { Text = "one-off", DueOn = new DateOnly(2006, 1, 1) }, [], new DateOnly(2008, 1, 1), DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("2006-07-25", 1)]
    [InlineData("2006-07-26", 1)] // due today: still the first
    [InlineData("2006-07-27", 2)]
    [InlineData("2025-11-27", 21)] // 2025-07-26 was the 20th; the 21st is due in 2026
    public void The_count_due_includes_the_current_occurrence(string today, int count) =>
        Assert.Equal(count, RecurringCommitments.CountDue(new DateOnly(2006, 7, 26), 12, DateOnly.Parse(today)));
}
