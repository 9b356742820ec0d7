namespace Interlock.Meetings;

/// <summary>
/// Generates the occurrences of recurring commitments: one decision per period, due at the end of its period,
/// so each year of "to convene on an annual basis" [2005 §7] is judged by itself. Occurrences are created up to the
/// first one that is not yet due (the one being worked on now); nothing further ahead.
/// </summary>
public static class RecurringCommitments
{
    /// <summary>The due date of occurrence <paramref name="n"/> (1-based) of a commitment first due on <paramref name="firstDue"/>.</summary>
    public static DateOnly DueOf(DateOnly firstDue, int months, int n) => firstDue.AddMonths(months * (n - 1));

    /// <summary>How many occurrences should exist on <paramref name="today"/>: every one due already, plus the current one.</summary>
    public static int CountDue(DateOnly firstDue, int months, DateOnly today)
    {
        var n = 1;
        while (DueOf(firstDue, months, n) < today) n++;
        return n;
    }

    /// <summary>The occurrences <paramref name="parent"/> still lacks on <paramref name="today"/>, ready to add.</summary>
    public static List<Decision> MissingOccurrences(Decision parent, IReadOnlyCollection<int> existing, DateOnly today, DateTimeOffset now)
    {
        if (parent.RecurrenceMonths is not { } months || parent.DueOn is not { } first) return [];
        // A superseded or lapsed commitment generates nothing more.
        if (parent.Status is DecisionStatus.Superseded or DecisionStatus.Lapsed) return [];
        var result = new List<Decision>();
        for (var n = 1; n <= CountDue(first, months, today); n++)
        {
            if (existing.Contains(n)) continue;
            var occurrence = new Decision
            {
                OwnerOrganizationId = parent.OwnerOrganizationId,
                Classification = parent.Classification,
                MeetingId = parent.MeetingId,
                Reference = parent.Reference,
                Text = parent.Text,
                DueOn = DueOf(first, months, n),
                // Occurrences of a historical commitment are as unknown as the commitment; new ones are agreed work.
                Status = parent.Status == DecisionStatus.Unknown ? DecisionStatus.Unknown : DecisionStatus.Agreed,
                SourceDocumentId = parent.SourceDocumentId,
                Source = parent.Source,
                ParentId = parent.Id,
                Occurrence = n,
                Key = parent.Key is null ? null : $"{parent.Key}#{n}",
                CreatedAt = now,
                UpdatedAt = now,
            };
            occurrence.Owners = parent.Owners.Select(o => new DecisionOwner { DecisionId = occurrence.Id, OrganizationId = o.OrganizationId }).ToList();
            result.Add(occurrence);
        }
        return result;
    }
}
