using Interlock.Meetings;
using Bucket = Interlock.Meetings.ImplementationReport.Bucket;
using Item = Interlock.Meetings.ImplementationReport.Item;

namespace Interlock.Tests.Unit.Meetings;

public sealed class ImplementationReportTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Guid M1 = Guid.NewGuid(), M2 = Guid.NewGuid(), AU = Guid.NewGuid(), EU = Guid.NewGuid();

    [Theory]
    [InlineData(DecisionStatus.Implemented, -5, Bucket.Implemented)]
    [InlineData(DecisionStatus.InProgress, 5, Bucket.InProgress)]
    [InlineData(DecisionStatus.InProgress, -5, Bucket.Overdue)]
    [InlineData(DecisionStatus.Agreed, -5, Bucket.Overdue)]
    [InlineData(DecisionStatus.Agreed, 5, Bucket.Open)]
    [InlineData(DecisionStatus.Lapsed, 5, Bucket.Lapsed)]
    [InlineData(DecisionStatus.Superseded, -5, Bucket.Superseded)]
    [InlineData(DecisionStatus.Unknown, -5, Bucket.Unknown)]
    public void Each_status_falls_in_one_bucket(DecisionStatus status, int dueInDays, Bucket bucket) =>
        Assert.Equal(bucket, ImplementationReport.BucketOf(status, Today.AddDays(dueInDays), Today));

    [Fact]
    public void Rows_per_meeting_and_owner_list_the_decisions_behind_each_number()
    {
        Item I(Guid meeting, DecisionStatus s, int due, params Guid[] owners) => new(Guid.NewGuid(), meeting, "t", null, Today.AddDays(due), s, false, owners);
        var done = I(M1, DecisionStatus.Implemented, -1, AU, EU);
        var late = I(M1, DecisionStatus.Agreed, -1, AU);
        var parent = new Item(Guid.NewGuid(), M2, "annual", null, Today.AddDays(-400), DecisionStatus.Agreed, true, [AU]);
        var occurrence = I(M2, DecisionStatus.InProgress, 30, AU) with { Occurrence = 2 };

        var rows = ImplementationReport.Build([done, late, parent, occurrence], Today);
        var auM1 = rows.Single(r => r.MeetingId == M1 && r.OwnerId == AU);
        Assert.Equal(1, auM1.Count(Bucket.Implemented));
        Assert.Equal(late.Id, Assert.Single(auM1.Items[Bucket.Overdue]).Id);
        Assert.Equal(1, rows.Single(r => r.MeetingId == M1 && r.OwnerId == EU).Total);
        var auM2 = rows.Single(r => r.MeetingId == M2);
        Assert.Equal(1, auM2.Total); // the recurring parent is counted through its occurrence only
        Assert.Equal(1, auM2.Count(Bucket.InProgress));

        var totals = ImplementationReport.Totals([done, late, parent, occurrence], Today);
        Assert.Equal(1, totals[Bucket.Implemented]); // once, though it has two owners
        Assert.Equal(1, totals[Bucket.Overdue]);
        Assert.Equal(1, totals[Bucket.InProgress]);
    }
}
