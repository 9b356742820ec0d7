namespace Interlock.DivisionOfLabour.Rules;

/// <summary>A checklist item not done by its due date.</summary>
public sealed record OverdueItem(TransitionChecklistItem Item, int DaysOverdue, string Sentence);

/// <summary>A transition plan and its overdue items (the situation page flags the plan when there is any).</summary>
public sealed record TransitionReview(TransitionPlan Plan, IReadOnlyList<OverdueItem> Overdue);

/// <summary>The overdue items of each transition plan, as of a day (<see cref="TransitionChecklistItem.IsOverdue"/>).</summary>
public static class TransitionRule
{
    public static IReadOnlyList<TransitionReview> Review(DivisionPicture picture, DateOnly today) =>
        picture.Transitions.OrderBy(t => t.TargetDate).ThenBy(t => t.Id).Select(t => Of(t, picture, today)).ToList();

    public static TransitionReview Of(TransitionPlan plan, DivisionPicture picture, DateOnly today) =>
        new(plan, plan.Items.Where(i => i.IsOverdue(today)).OrderBy(i => i.DueOn).ThenBy(i => i.Topic)
            .Select(i =>
            {
                var days = today.DayNumber - i.DueOn.DayNumber;
                return new OverdueItem(i, days,
                    $"{Topic(i.Topic)}{(i.Description is { } d ? $" ({d})" : "")} of \"{plan.Title}\", for which " +
                    $"{picture.CodeOf(i.OwnerOrganizationId)} is responsible, was due on {Wording.Date(i.DueOn)} and is " +
                    $"{Wording.Days(days)} overdue (status: {(i.Status == ChecklistStatus.InProgress ? "in progress" : "open")}).");
            }).ToList());

    public static string Topic(TransitionTopic t) => t switch
    {
        TransitionTopic.MandateAlignment => "Mandate alignment",
        TransitionTopic.Financing => "Financing",
        TransitionTopic.RehattingOfContingents => "Re-hatting of contingents",
        TransitionTopic.TransferOfAssets => "Transfer of assets",
        TransitionTopic.CivilianStaff => "Civilian staff",
        TransitionTopic.RegionalOwnership => "Regional ownership after hand-over",
        _ => "Public information",
    };
}
