using Interlock.Shared;

namespace Interlock.Meetings;

/// <summary>
/// The allowed changes of a decision's status, and the rules that go with them: implemented needs evidence,
/// superseded needs the decision that replaces it. Implemented, lapsed and superseded are final: a decision that
/// comes back is a new decision that supersedes or revives it, so the record of what happened stays true.
/// </summary>
public static class DecisionWorkflow
{
    private static readonly Dictionary<DecisionStatus, DecisionStatus[]> Next = new()
    {
        // What became of a historical decision is learned later: any outcome may be recorded.
        [DecisionStatus.Unknown] = [DecisionStatus.Agreed, DecisionStatus.InProgress, DecisionStatus.Implemented, DecisionStatus.Lapsed, DecisionStatus.Superseded],
        [DecisionStatus.Proposed] = [DecisionStatus.Agreed, DecisionStatus.Lapsed, DecisionStatus.Superseded],
        [DecisionStatus.Agreed] = [DecisionStatus.InProgress, DecisionStatus.Implemented, DecisionStatus.Lapsed, DecisionStatus.Superseded],
        [DecisionStatus.InProgress] = [DecisionStatus.Implemented, DecisionStatus.Lapsed, DecisionStatus.Superseded],
        [DecisionStatus.Implemented] = [],
        [DecisionStatus.Lapsed] = [],
        [DecisionStatus.Superseded] = [],
    };

    /// <summary>The statuses a decision may be given first: the history uses unknown, new decisions start proposed or agreed.</summary>
    public static readonly DecisionStatus[] Initial = [DecisionStatus.Unknown, DecisionStatus.Proposed, DecisionStatus.Agreed];

    public static IReadOnlyList<DecisionStatus> AllowedFrom(DecisionStatus from) => Next[from];

    public static bool IsAllowed(DecisionStatus from, DecisionStatus to) => Next[from].Contains(to);

    public static bool IsFinal(DecisionStatus s) => Next[s].Length == 0;

    /// <summary>Still to be done: what can fall overdue and what an organization's profile lists as open.</summary>
    public static bool IsOpen(DecisionStatus s) => s is DecisionStatus.Proposed or DecisionStatus.Agreed or DecisionStatus.InProgress;

    /// <summary>Past its due date and not done. An unknown status is never called overdue: nobody knows that it is.</summary>
    public static bool IsOverdue(Decision d, DateOnly today) => d.DueOn is { } due && due < today && IsOpen(d.Status);

    /// <summary>A request to change a decision's status.</summary>
    /// <param name="HasEvidence">Whether the decision has evidence, counting what the same request adds.</param>
    public sealed record Request(DecisionStatus To, string? UserId, string? UserName, string? Note, bool HasEvidence, Guid? SupersededById = null);

    /// <summary>Applies the change and appends it to the history, or returns the errors (and changes nothing).</summary>
    public static ValidationErrors Apply(Decision d, Request r, DateTimeOffset now)
    {
        var errors = Check(d, r);
        if (!errors.IsEmpty) return errors;
        d.History.Add(new DecisionStatusChange
        {
            DecisionId = d.Id, From = d.Status, To = r.To, At = now, UserId = r.UserId, UserName = r.UserName, Note = r.Note?.Trim(),
        });
        d.Status = r.To;
        d.SupersededById = r.To == DecisionStatus.Superseded ? r.SupersededById : d.SupersededById;
        d.UpdatedAt = now;
        return errors;
    }

    public static ValidationErrors Check(Decision d, Request r)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(r.To) || !IsAllowed(d.Status, r.To))
            return errors.Add("status", $"A decision that is {Words(d.Status)} cannot become {Words(r.To)}." +
                                        (IsFinal(d.Status) ? " That status is final." : $" Allowed: {string.Join(", ", AllowedFrom(d.Status).Select(Words))}."));
        if (d.IsRecurring)
            errors.Add("status", "A recurring commitment is judged per occurrence: change the status of an occurrence.");
        if (r.To == DecisionStatus.Implemented && !r.HasEvidence)
            errors.Add("evidence", "Give evidence of implementation: a document, a link or a note on the cooperation record.");
        if (r.To == DecisionStatus.Superseded && (r.SupersededById is null || r.SupersededById == d.Id))
            errors.Add("supersededBy", "Name the other decision that supersedes this one.");
        errors.Require(r.Note is null || r.Note.Length <= 2000, "note", "At most 2000 characters.");
        return errors;
    }

    public static string Words(DecisionStatus s) => s switch
    {
        DecisionStatus.InProgress => "in progress",
        _ => s.ToString().ToLowerInvariant(),
    };
}
