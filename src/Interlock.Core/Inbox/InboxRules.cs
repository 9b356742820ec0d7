using System.Linq.Expressions;
using Interlock.Security;

namespace Interlock.Inbox;

/// <summary>Who sees an inbox item and who may acknowledge it. Items never leave their recipient organization.</summary>
public static class InboxRules
{
    /// <summary>The database predicate for the items a subject sees.</summary>
    public static Expression<Func<InboxItem, bool>> VisibleTo(Subject subject)
    {
        if (!subject.IsAuthenticated) return _ => false;
        var org = subject.OrganizationId!.Value;
        var roles = subject.Roles;
        return i => i.RecipientOrganizationId == org && (i.RecipientRoles & roles) != 0;
    }

    public static bool IsVisibleTo(InboxItem item, Subject subject) =>
        subject.IsAuthenticated && item.RecipientOrganizationId == subject.OrganizationId && (item.RecipientRoles & subject.Roles) != 0;

    /// <summary>
    /// Records the first acknowledgement; a later one changes nothing (the log keeps who acted first).
    /// Returns false when the subject may not acknowledge the item.
    /// </summary>
    public static bool Acknowledge(InboxItem item, Subject subject, DateTimeOffset now)
    {
        if (!IsVisibleTo(item, subject) || !subject.CanUseWriteScope) return false;
        if (item.AcknowledgedAt is not null) return true;
        item.AcknowledgedAt = now;
        item.AcknowledgedByUserId = subject.UserId;
        item.AcknowledgedByName = subject.UserName;
        return true;
    }
}
