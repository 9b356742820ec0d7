using Interlock.Security;

namespace Interlock.Inbox;

/// <summary>
/// A notice in an organization's in-app inbox: an early-warning alert for its focal points, an overdue action item
/// for its owners. Addressed to an organization and the roles that should act on it (and, when the routing named
/// one, the focal point person it was meant for); any user of that organization with one of those roles sees it
/// and may acknowledge it. The rows of one source (an alert, a decision) are its delivery log: who was notified,
/// whether e-mail went out, who acknowledged and when.
/// </summary>
public sealed class InboxItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>What raised it, e.g. <see cref="InboxKinds.Alert"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The identifier of the record that raised it (the alert, the decision), as text.</summary>
    public required string SourceId { get; set; }
    public Guid RecipientOrganizationId { get; set; }
    /// <summary>The roles of the recipient organization's users that see the item.</summary>
    public Role RecipientRoles { get; set; }
    /// <summary>The registry person the routing named (a focal point), if any.</summary>
    public Guid? RecipientPersonId { get; set; }
    public string? RecipientName { get; set; }
    public string? RecipientEmail { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    /// <summary>A local link to the record, e.g. /alerts/{id}.</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the e-mail went out (null: not sent, SMTP not configured or no address).</summary>
    public DateTimeOffset? EmailedAt { get; set; }
    public string? EmailError { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedByUserId { get; set; }
    public string? AcknowledgedByName { get; set; }
}

public static class InboxKinds
{
    public const string Alert = "alert";
    public const string OverdueActionItem = "overdue-action-item";
}
