using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// An organization's observation of a reported indicator for a country (optionally one first-level area) and month.
/// What is observed (indicator, place, month) is fixed; a correction of the value, source, grades, note or
/// classification is a new <see cref="ObservationRevision"/>. The revisions are never changed; this row carries a copy
/// of the latest one so that lists, filters and the access policy read one row per observation.
/// </summary>
public sealed class Observation : IClassified, IVersioned
{
    public static string Category => Categories.Observation;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public required string IndicatorCode { get; set; }
    public required string CountryIso3 { get; set; }
    public string? Admin1 { get; set; }
    /// <summary>The first day of the month observed.</summary>
    public DateOnly Month { get; set; }

    // The latest revision, copied.
    public Classification Classification { get; set; }
    public double Value { get; set; }
    public required string Source { get; set; }
    public required string SourceReliability { get; set; }
    public int InformationCredibility { get; set; }
    public string? Note { get; set; }
    /// <summary>The number of the latest revision (1 for the first submission).</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset RevisedAt { get; set; }
    public string? RevisedBy { get; set; }
    public long Version { get; set; }

    public List<ObservationRevision> Revisions { get; set; } = [];
}

/// <summary>One submitted state of an observation; written once, never updated. Its own label decides who sees it in the history.</summary>
public sealed class ObservationRevision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ObservationId { get; set; }
    public int Number { get; set; }
    public double Value { get; set; }
    public required string Source { get; set; }
    public required string SourceReliability { get; set; }
    public int InformationCredibility { get; set; }
    public string? Note { get; set; }
    public Classification Classification { get; set; }
    /// <summary>Why the previous revision was corrected; null for the first submission.</summary>
    public string? Correction { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>The part of an observation a revision may change, as submitted.</summary>
public sealed record ObservationContent(double Value, string Source, string SourceReliability, int InformationCredibility, string? Note,
    Classification Classification)
{
    public bool SameAs(Observation o) => Value.Equals(o.Value) && Source == o.Source && SourceReliability == o.SourceReliability &&
        InformationCredibility == o.InformationCredibility && Note == o.Note && Classification == o.Classification;
}

/// <summary>What is observed: fixed for the life of the observation.</summary>
public sealed record ObservationSubject(string IndicatorCode, string CountryIso3, string? Admin1, DateOnly Month);
