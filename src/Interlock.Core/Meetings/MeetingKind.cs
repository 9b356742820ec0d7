namespace Interlock.Meetings;

/// <summary>The six kinds of meeting of the partnership [1998 §8, 2001 III, 2005 §4, §7, 2004].</summary>
public enum MeetingKind
{
    HighLevel,
    WorkingLevel,
    WorkingGroup,
    StandingCommittee,
    RegionalWorkshop,
    SecurityCouncilDebate,
}

/// <summary>At what level an organization was represented ("thirteen at the level of head of organization" [2005]).</summary>
public enum DelegationLevel
{
    /// <summary>The seed does not say; never guessed.</summary>
    Unknown,
    HeadOfOrganization,
    Representative,
}

/// <summary>How exactly a meeting's dates are known: the fifth meeting is known only as "July 2003" [2004 §5].</summary>
public enum MeetingDatePrecision { Day, Month }

/// <summary>Why a document is attached to a meeting.</summary>
public enum MeetingDocumentRole
{
    /// <summary>The record of the meeting: the chairman's summary or conclusions.</summary>
    Record,
    /// <summary>A notice or programme announcing the meeting.</summary>
    Notice,
    /// <summary>A document the meeting discussed or that prepared it (a concept paper, a report).</summary>
    Background,
    /// <summary>A later document that mentions the meeting and is the only source for it.</summary>
    Source,
}
