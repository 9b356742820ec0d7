using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Meetings;

/// <summary>
/// A decision or action item of a meeting: its text, the organizations that own it, when it is due, where it stands,
/// the evidence of its implementation and every change of status. A recurring commitment ("to convene on an annual
/// basis" [2005 §7]) is a parent whose occurrences are decisions of their own, each judged on its own.
/// </summary>
public sealed class Decision : IClassified, IVersioned
{
    public static string Category => Categories.Decision;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The organization that keeps the record (the meeting's secretariat), which the access policy asks.</summary>
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public string? Key { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>Where in its document the decision stands, e.g. "§7, 3rd measure" or "Annex I, II.A".</summary>
    public string? Reference { get; set; }
    public required string Text { get; set; }
    public DateOnly? DueOn { get; set; }
    public DecisionStatus Status { get; set; }
    public Guid? SupersededById { get; set; }
    /// <summary>The document the decision was taken from (a meeting record).</summary>
    public Guid? SourceDocumentId { get; set; }
    public string? Source { get; set; }

    /// <summary>Months between occurrences of a recurring commitment (12: annual); null for a one-off.</summary>
    public int? RecurrenceMonths { get; set; }
    /// <summary>For an occurrence: its recurring parent and its number (1, 2, ...).</summary>
    public Guid? ParentId { get; set; }
    public int? Occurrence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The organizations responsible for carrying it out (not the same as the record's owner).</summary>
    public List<DecisionOwner> Owners { get; set; } = [];
    public List<DecisionEvidence> Evidence { get; set; } = [];
    public List<DecisionStatusChange> History { get; set; } = [];

    public bool IsRecurring => RecurrenceMonths is not null;

    public static ValidationErrors Validate(string? text, DateOnly? dueOn, int? recurrenceMonths, int ownerCount)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(text), "text", "The text of the decision is required.");
        errors.Require(text is null || text.Length <= 4000, "text", "At most 4000 characters.");
        errors.Require(ownerCount > 0, "owners", "Name at least one organization that owns it.");
        errors.Require(dueOn is null || dueOn >= Meeting.EarliestDate, "dueOn", "Must be on or after 1945-01-01.");
        errors.Require(recurrenceMonths is null or (>= 1 and <= 60), "recurrenceMonths", "Between 1 and 60 months.");
        errors.Require(recurrenceMonths is null || dueOn is not null, "dueOn", "A recurring commitment needs the due date of its first occurrence.");
        return errors;
    }
}

public sealed class DecisionOwner
{
    public Guid DecisionId { get; set; }
    public Guid OrganizationId { get; set; }
}

/// <summary>Evidence of implementation: a document in Interlock, a link, or a cooperation record described in words.</summary>
public sealed class DecisionEvidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DecisionId { get; set; }
    public Guid? DocumentId { get; set; }
    public string? Url { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>One change of status: from what, to what, who, when and why. Seeded statuses are recorded as changes too.</summary>
public sealed class DecisionStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DecisionId { get; set; }
    public DecisionStatus From { get; set; }
    public DecisionStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Note { get; set; }
}
