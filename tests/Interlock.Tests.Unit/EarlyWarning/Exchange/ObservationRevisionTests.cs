using Interlock.EarlyWarning.Observations;
using Interlock.Shared;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

public sealed class ObservationRevisionTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ObservationSubject Subject = new("displacement", "CAF", "Ouaka", new DateOnly(2024, 3, 1));

    private static ObservationContent Content(double value, Classification c = Classification.Partners) =>
        new(value, "OCHA situation report", "B", 2, null, c);

    [Fact]
    public void A_first_submission_is_revision_1_and_the_observation_carries_it()
    {
        var o = ObservationWriter.Create(Guid.NewGuid(), Subject, Content(1200), T0, "analyst");
        var r = Assert.Single(o.Revisions);
        Assert.Equal((1, 1, 1200d, (string?)null), (o.Revision, r.Number, o.Value, r.Correction));
        Assert.Equal(o.Id, r.ObservationId);
    }

    [Fact]
    public void A_correction_adds_a_revision_and_leaves_every_earlier_one_as_it_was()
    {
        var o = ObservationWriter.Create(Guid.NewGuid(), Subject, Content(1200), T0, "analyst");
        var first = o.Revisions[0];
        var snapshot = (first.Value, first.Source, first.Classification, first.RecordedAt, first.RecordedBy);

        ObservationWriter.Revise(o, Content(1500, Classification.Confidential), "Late reports from Bambari", T0.AddDays(2), "other");
        ObservationWriter.Revise(o, Content(1450, Classification.Confidential), "Double count removed", T0.AddDays(3), "other");

        Assert.Equal([1, 2, 3], o.Revisions.Select(r => r.Number));
        Assert.Equal(snapshot, (first.Value, first.Source, first.Classification, first.RecordedAt, first.RecordedBy));
        Assert.Equal((3, 1450d, Classification.Confidential), (o.Revision, o.Value, o.Classification));
        Assert.Equal("Double count removed", o.Revisions[^1].Correction);
        Assert.Equal(T0.AddDays(3), o.RevisedAt);
        Assert.Equal(T0, o.CreatedAt);
    }

    [Fact]
    public void Same_content_is_recognised_so_a_reimport_changes_nothing()
    {
        var o = ObservationWriter.Create(Guid.NewGuid(), Subject, Content(1200), T0, "analyst");
        Assert.True(Content(1200).SameAs(o));
        Assert.False(Content(1201).SameAs(o));
        Assert.False(Content(1200, Classification.Public).SameAs(o));
    }

    [Fact]
    public void Only_reported_indicators_are_observed_and_grades_follow_the_admiralty_scale()
    {
        var today = new DateOnly(2024, 6, 10);
        Assert.True(ObservationRules.ValidateSubject("displacement", "CAF", null, new DateOnly(2024, 3, 1), today).IsEmpty);
        var derived = ObservationRules.ValidateSubject("sb-fatalities", "CAF", null, new DateOnly(2024, 3, 1), today);
        Assert.Contains("indicator", derived.ToDictionary().Keys);
        Assert.Contains("country", ObservationRules.ValidateSubject("displacement", "XXX", null, new DateOnly(2024, 3, 1), today).ToDictionary().Keys);
        Assert.Contains("month", ObservationRules.ValidateSubject("displacement", "CAF", null, new DateOnly(2024, 7, 1), today).ToDictionary().Keys);

        var bad = ObservationRules.ValidateContent(double.NaN, " ", "G", 7, null).ToDictionary();
        Assert.Equal(["informationCredibility", "source", "sourceReliability", "value"], bad.Keys.Order());
        Assert.Contains("correction", ObservationRules.ValidateContent(1, "s", "A", 1, null, null, isRevision: true).ToDictionary().Keys);
    }
}
