using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Inbox;

internal sealed class InboxItemMap : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.Property(i => i.Kind).HasMaxLength(32);
        b.Property(i => i.SourceId).HasMaxLength(64);
        b.Property(i => i.RecipientName).HasMaxLength(200);
        b.Property(i => i.RecipientEmail).HasMaxLength(320);
        b.Property(i => i.Title).HasMaxLength(500);
        b.Property(i => i.Link).HasMaxLength(500);
        b.Property(i => i.EmailError).HasMaxLength(1000);
        b.Property(i => i.AcknowledgedByUserId).HasMaxLength(450);
        b.Property(i => i.AcknowledgedByName).HasMaxLength(256);
        b.Property(i => i.RecipientRoles).HasConversion<int>();
        // Posting the same notice twice (a re-run, a second node) is a no-op: one row per source and recipient.
        b.HasIndex(i => new { i.Kind, i.SourceId, i.RecipientOrganizationId, i.RecipientPersonId }).IsUnique();
        b.HasIndex(i => new { i.RecipientOrganizationId, i.CreatedAt });
    }
}
