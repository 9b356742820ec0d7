using Interlock.Meetings;

namespace Interlock.Tests.Unit.Meetings;

/// <summary>The allowed changes of status, checked against the whole table, and the rules that go with them.</summary>
public sealed class DecisionWorkflowTests
{
    private static Decision New(DecisionStatus status, DateOnly? due = null) => new() { Text = "Exchange liaison officers", Status = status, DueOn = due };

    public static TheoryData<DecisionStatus, DecisionStatus, bool> Table()
    {
        var allowed = new HashSet<(DecisionStatus, DecisionStatus)>
        {
            (DecisionStatus.Unknown, DecisionStatus.Agreed), (DecisionStatus.Unknown, DecisionStatus.InProgress), (DecisionStatus.Unknown, DecisionStatus.Implemented),
            (DecisionStatus.Unknown, DecisionStatus.Lapsed), (DecisionStatus.Unknown, DecisionStatus.Superseded),
            (DecisionStatus.Proposed, DecisionStatus.Agreed), (DecisionStatus.Proposed, DecisionStatus.Lapsed), (DecisionStatus.Proposed, DecisionStatus.Superseded),
            (DecisionStatus.Agreed, DecisionStatus.InProgress), (DecisionStatus.Agreed, DecisionStatus.Implemented), (DecisionStatus.Agreed, DecisionStatus.Lapsed),
            (DecisionStatus.Agreed, DecisionStatus.Superseded),
            (DecisionStatus.InProgress, DecisionStatus.Implemented), (DecisionStatus.InProgress, DecisionStatus.Lapsed), (DecisionStatus.InProgress, DecisionStatus.Superseded),
        };
        var data = new TheoryData<DecisionStatus, DecisionStatus, bool>();
        foreach (var from in Enum.GetValues<DecisionStatus>())
            foreach (var to in Enum.GetValues<DecisionStatus>())
                data.Add(from, to, allowed.Contains((from, to)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_pair_of_statuses_is_allowed_or_refused_as_the_table_says(DecisionStatus from, DecisionStatus to, bool allowed)
    {
        Assert.Equal(allowed, DecisionWorkflow.IsAllowed(from, to));
        var d = New(from);
        var errors = DecisionWorkflow.Apply(d, new DecisionWorkflow.Request(to, "u", "someone", null, HasEvidence: true, SupersededById: Guid.NewGuid()), DateTimeOffset.UnixEpoch);
        Assert.Equal(allowed, errors.IsEmpty);
        Assert.Equal(allowed ? to : from, d.Status);
        Assert.Equal(allowed ? 1 : 0, d.History.Count);
    }

    [Fact]
    public void Implemented_needs_evidence()
    {
        var d = New(DecisionStatus.InProgress);
        var errors = DecisionWorkflow.Apply(d, new DecisionWorkflow.Request(DecisionStatus.Implemented, "u", "someone", null, HasEvidence: false), DateTimeOffset.UnixEpoch);
        Assert.Contains("evidence", errors.ToDictionary().Keys);
        Assert.Equal(DecisionStatus.InProgress, d.Status);
        Assert.Empty(d.History);
    }

    [Fact]
    public void Superseded_needs_another_decision()
    {
        var d = New(DecisionStatus.Agreed);
        Assert.Contains("supersededBy", DecisionWorkflow.Check(d, new(DecisionStatus.Superseded, "u", "x", null, false)).ToDictionary().Keys);
        Assert.Contains("supersededBy", DecisionWorkflow.Check(d, new(DecisionStatus.Superseded, "u", "x", null, false, d.Id)).ToDictionary().Keys);
        var other = Guid.NewGuid();
        Assert.True(DecisionWorkflow.Apply(d, new(DecisionStatus.Superseded, "u", "x", null, false, other), DateTimeOffset.UnixEpoch).IsEmpty);
        Assert.Equal(other, d.SupersededById);
    }

    [Fact]
    public void Each_change_is_recorded_with_who_when_and_why()
    {
        var d = New(DecisionStatus.Agreed);
        var t1 = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var t2 = t1.AddDays(30);
        DecisionWorkflow.Apply(d, new(DecisionStatus.InProgress, "u1", "amina", "Started", false), t1);
        DecisionWorkflow.Apply(d, new(DecisionStatus.Implemented, "u2", "jean", "Done", true), t2);
        Assert.Collection(d.History,
            h => { Assert.Equal((DecisionStatus.Agreed, DecisionStatus.InProgress, "amina", t1, "Started"), (h.From, h.To, h.UserName, h.At, h.Note)); },
            h => { Assert.Equal((DecisionStatus.InProgress, DecisionStatus.Implemented, "jean", t2, "Done"), (h.From, h.To, h.UserName, h.At, h.Note)); });
        Assert.Equal(t2, d.UpdatedAt);
    }

    [Fact]
    public void A_recurring_commitment_is_judged_by_its_occurrences_not_by_itself()
    {
        var d = New(DecisionStatus.Agreed);
        d.RecurrenceMonths = 12;
        Assert.False(DecisionWorkflow.Check(d, new(DecisionStatus.InProgress, "u", "x", null, false)).IsEmpty);
    }

    [Theory]
    [InlineData(DecisionStatus.Agreed, -1, true)]
    [InlineData(DecisionStatus.InProgress, -1, true)]
    [InlineData(DecisionStatus.Proposed, -1, true)]
    [InlineData(DecisionStatus.Agreed, 0, false)] // due today is not late yet
    [InlineData(DecisionStatus.Implemented, -1, false)]
    [InlineData(DecisionStatus.Lapsed, -1, false)]
    [InlineData(DecisionStatus.Unknown, -1, false)] // nobody knows it is late
    public void Overdue_means_open_and_past_its_due_date(DecisionStatus status, int dueInDays, bool overdue)
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.Equal(overdue, DecisionWorkflow.IsOverdue(New(status, today.AddDays(dueInDays)), today));
        Assert.False(DecisionWorkflow.IsOverdue(New(status), today));
    }
}
