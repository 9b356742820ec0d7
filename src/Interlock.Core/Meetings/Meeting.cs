using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Meetings;

/// <summary>
/// A meeting of the partnership: when, where, who chaired it, on what theme, who took part at what level,
/// its agenda, its documents and its outcome. Seeded history carries a <see cref="Key"/> and a <see cref="Source"/>
/// naming the seed paragraph each fact comes from.
/// </summary>
public sealed class Meeting : IClassified, IVersioned
{
    public static string Category => Categories.Meeting;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    /// <summary>The stable key of a seeded meeting (e.g. "hlm-2001"), so re-seeding finds it; null for meetings entered in Interlock.</summary>
    public string? Key { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public MeetingDatePrecision DatePrecision { get; set; }
    public string? Venue { get; set; }
    public string? Chair { get; set; }
    public string? Theme { get; set; }
    public string? Outcome { get; set; }
    /// <summary>How many organizations the record says took part, when it gives a number (1994: "ten") even without names.</summary>
    public int? ReportedParticipantCount { get; set; }
    /// <summary>How many were represented by their head, when the record gives the number but not the names (2005: 13 of 20).</summary>
    public int? ReportedHeadsCount { get; set; }
    /// <summary>Where the facts come from, e.g. "002 Annex I; Annex III".</summary>
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingDocument> Documents { get; set; } = [];

    public static readonly DateOnly EarliestDate = new(1945, 1, 1);

    public static ValidationErrors Validate(string? title, DateOnly? startsOn, DateOnly? endsOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(title), "title", "A title is required.");
        errors.Require(title is null || title.Length <= 300, "title", "At most 300 characters.");
        errors.Require(startsOn is not null, "startsOn", "A start date is required.");
        errors.Require(startsOn is null || (startsOn >= EarliestDate && startsOn <= today.AddYears(5)), "startsOn",
            "Must be between 1945-01-01 and five years from today.");
        errors.Require(endsOn is null || startsOn is null || endsOn >= startsOn, "endsOn", "Must be on or after the start date.");
        errors.Require(endsOn is null || startsOn is null || endsOn <= startsOn.Value.AddDays(31), "endsOn", "A meeting lasts at most a month.");
        return errors;
    }
}

/// <summary>An organization at a meeting, with the level of its delegation and, where the record names them, its delegate.</summary>
public sealed class MeetingParticipant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid OrganizationId { get; set; }
    public DelegationLevel Level { get; set; }
    /// <summary>The delegate as the record names them, e.g. "Salim Ahmed Salim, Secretary-General".</summary>
    public string? Delegate { get; set; }
    /// <summary>The heading the record lists them under, e.g. "Regional organizations", "United Nations agencies".</summary>
    public string? Group { get; set; }
    public string? Note { get; set; }
    public string? Source { get; set; }
}

public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? Source { get; set; }
}

/// <summary>A document (a <see cref="Knowledge.Document"/> with its UN symbol) attached to a meeting.</summary>
public sealed class MeetingDocument
{
    public Guid MeetingId { get; set; }
    public Guid DocumentId { get; set; }
    public MeetingDocumentRole Role { get; set; }
}
