namespace Interlock.Meetings;

/// <summary>
/// Where a decision or action item stands. <see cref="Unknown"/> is for the historical record: the seeds rarely say
/// what became of a decision, and Interlock shows that plainly instead of inventing a status.
/// </summary>
public enum DecisionStatus
{
    Unknown,
    Proposed,
    Agreed,
    InProgress,
    Implemented,
    Lapsed,
    Superseded,
}
