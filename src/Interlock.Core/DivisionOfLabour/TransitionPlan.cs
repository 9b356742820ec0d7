using Interlock.Security;
using Interlock.Shared;

namespace Interlock.DivisionOfLabour;

/// <summary>The topics every hand-over between a regional mission and a UN operation must settle (seed 004 §13).</summary>
public enum TransitionTopic
{
    MandateAlignment, Financing, RehattingOfContingents, TransferOfAssets, CivilianStaff, RegionalOwnership, PublicInformation,
}

public enum ChecklistStatus { Open, InProgress, Done }

/// <summary>
/// A planned "smooth transition" from one engagement to another: a regional mission to a United Nations operation, or
/// back. Its checklist has an owner, a due date and a status per item; an open item past its due date is overdue.
/// </summary>
public sealed class TransitionPlan : IClassified, IVersioned
{
    public static string Category => Categories.TransitionPlan;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public Guid SituationId { get; set; }
    public required string Title { get; set; }
    public Guid FromEngagementId { get; set; }
    public Guid ToEngagementId { get; set; }
    public DateOnly TargetDate { get; set; }
    public string? Notes { get; set; }
    public List<TransitionChecklistItem> Items { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One item of a transition's checklist. It is read and written with its plan, under the plan's label.</summary>
public sealed class TransitionChecklistItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TransitionPlanId { get; set; }
    public TransitionTopic Topic { get; set; }
    public string? Description { get; set; }
    /// <summary>The organization responsible for the item.</summary>
    public Guid OwnerOrganizationId { get; set; }
    public DateOnly DueOn { get; set; }
    public ChecklistStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }

    public bool IsOverdue(DateOnly today) => Status != ChecklistStatus.Done && DueOn < today;
}
