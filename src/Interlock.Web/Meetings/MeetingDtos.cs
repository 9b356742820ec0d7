using Interlock.Meetings;
using Interlock.Shared;

namespace Interlock.Web.Meetings;

public sealed record MeetingSummaryDto(Guid Id, string? Key, MeetingKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn,
    MeetingDatePrecision DatePrecision, string? Venue, string? Chair, string? Theme, int ParticipantsListed, int? ReportedParticipantCount,
    string Owner, Classification Classification, long Version);

public sealed record ParticipantDto(string Organization, string Name, DelegationLevel Level, string? Delegate, string? Group, string? Note, string? Source);

public sealed record AgendaItemDto(int Position, string Text, string? Source);

public sealed record MeetingDocumentDto(Guid Id, string Title, string? Symbol, DateOnly? PublishedOn, MeetingDocumentRole Role);

public sealed record MeetingDto(Guid Id, string? Key, MeetingKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, MeetingDatePrecision DatePrecision,
    string? Venue, string? Chair, string? Theme, string? Outcome, int? ReportedParticipantCount, int? ReportedHeadsCount, string? Source,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<AgendaItemDto> Agenda, IReadOnlyList<MeetingDocumentDto> Documents,
    IReadOnlyList<DecisionSummaryDto> Decisions, string Owner, Classification Classification, DateTimeOffset UpdatedAt, long Version);

public sealed record ParticipantWrite(string Organization, DelegationLevel Level = DelegationLevel.Unknown, string? Delegate = null);

public sealed record MeetingWrite(MeetingKind Kind, string Title, DateOnly? StartsOn, DateOnly? EndsOn, Classification Classification,
    string? Venue = null, string? Chair = null, string? Theme = null, string? Outcome = null,
    IReadOnlyList<ParticipantWrite>? Participants = null, IReadOnlyList<string>? Agenda = null, IReadOnlyList<Guid>? Documents = null);

public sealed record DecisionSummaryDto(Guid Id, Guid MeetingId, string? Reference, string Text, IReadOnlyList<string> Owners, DateOnly? DueOn,
    DecisionStatus Status, bool Overdue, bool Recurring, int? Occurrence, Classification Classification, long Version);

public sealed record EvidenceDto(Guid Id, Guid? DocumentId, string? DocumentTitle, string? DocumentSymbol, string? Url, string? Note, DateTimeOffset AddedAt, string? AddedBy);

public sealed record StatusChangeDto(DecisionStatus From, DecisionStatus To, DateTimeOffset At, string? UserName, string? Note);

public sealed record DecisionDto(Guid Id, Guid MeetingId, string MeetingTitle, string? Reference, string Text, IReadOnlyList<string> Owners, DateOnly? DueOn,
    DecisionStatus Status, bool Overdue, IReadOnlyList<DecisionStatus> AllowedNext, int? RecurrenceMonths, Guid? ParentId, int? Occurrence,
    Guid? SupersededById, Guid? SourceDocumentId, string? Source, IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<StatusChangeDto> History,
    string Owner, Classification Classification, DateTimeOffset UpdatedAt, long Version);

public sealed record DecisionWrite(Guid MeetingId, string Text, IReadOnlyList<string> Owners, Classification Classification,
    string? Reference = null, DateOnly? DueOn = null, int? RecurrenceMonths = null, DecisionStatus Status = DecisionStatus.Agreed);

public sealed record EvidenceWrite(Guid? DocumentId = null, string? Url = null, string? Note = null);

public sealed record StatusWrite(DecisionStatus Status, string? Note = null, Guid? SupersededBy = null, EvidenceWrite? Evidence = null);

public sealed record AlignmentDto(int WindowDays, bool NextFlagged, AlignmentJudgementDto? Next, IReadOnlyList<AlignmentJudgementDto> Meetings,
    IReadOnlyList<AlignmentGapDto> Gaps);

public sealed record AlignmentJudgementDto(Guid MeetingId, string Title, DateOnly StartsOn, Guid? CouncilMeetingId, string? CouncilMeetingTitle,
    int? DaysApart, bool Aligned);

public sealed record AlignmentGapDto(DateOnly From, DateOnly? To, int Days);

public sealed record ReportRowDto(Guid MeetingId, string Meeting, string Owner, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, IReadOnlyList<Guid>> Decisions);

public sealed record ReportDto(DateOnly AsOf, IReadOnlyDictionary<string, int> Totals, IReadOnlyList<ReportRowDto> Rows);

public sealed record MaintenanceDto(int OccurrencesAdded, int NoticesPosted);
