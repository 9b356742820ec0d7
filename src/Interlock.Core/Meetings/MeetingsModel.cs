using Interlock.Knowledge;
using Interlock.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Meetings;

internal sealed class MeetingMap : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Key).HasMaxLength(64);
        b.HasIndex(m => m.Key).IsUnique();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.DatePrecision).HasConversion<string>().HasMaxLength(8);
        b.Property(m => m.Title).HasMaxLength(300);
        b.Property(m => m.Venue).HasMaxLength(300);
        b.Property(m => m.Chair).HasMaxLength(300);
        b.Property(m => m.Theme).HasMaxLength(500);
        b.Property(m => m.Source).HasMaxLength(500);
        b.HasIndex(m => m.StartsOn);
        b.HasIndex(m => m.OwnerOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Documents).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingParticipantMap : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Delegate).HasMaxLength(300);
        b.Property(p => p.Group).HasMaxLength(100);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.Source).HasMaxLength(200);
        b.HasIndex(p => new { p.MeetingId, p.OrganizationId }).IsUnique();
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemMap : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Text).HasMaxLength(1000);
        b.Property(a => a.Source).HasMaxLength(200);
    }
}

internal sealed class MeetingDocumentMap : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.HasKey(d => new { d.MeetingId, d.DocumentId });
        b.Property(d => d.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Document>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionMap : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Key).HasMaxLength(64);
        b.HasIndex(d => d.Key).IsUnique();
        b.Property(d => d.Reference).HasMaxLength(200);
        b.Property(d => d.Text).HasMaxLength(4000);
        b.Property(d => d.Source).HasMaxLength(500);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => d.MeetingId);
        b.HasIndex(d => new { d.Status, d.DueOn });
        // One row per occurrence, even when two nodes generate occurrences at once.
        b.HasIndex(d => new { d.ParentId, d.Occurrence }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(d => d.SourceDocumentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(d => d.Owners).WithOne().HasForeignKey(o => o.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Evidence).WithOne().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.History).WithOne().HasForeignKey(h => h.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionOwnerMap : IEntityTypeConfiguration<DecisionOwner>
{
    public void Configure(EntityTypeBuilder<DecisionOwner> b)
    {
        b.HasKey(o => new { o.DecisionId, o.OrganizationId });
        b.HasIndex(o => o.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionEvidenceMap : IEntityTypeConfiguration<DecisionEvidence>
{
    public void Configure(EntityTypeBuilder<DecisionEvidence> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Url).HasMaxLength(1000);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.AddedBy).HasMaxLength(256);
        b.HasOne<Document>().WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionStatusChangeMap : IEntityTypeConfiguration<DecisionStatusChange>
{
    public void Configure(EntityTypeBuilder<DecisionStatusChange> b)
    {
        // Ids are made in code (Guid v7); children added to a tracked parent's collection must be inserted, not updated.
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.UserId).HasMaxLength(450);
        b.Property(h => h.UserName).HasMaxLength(256);
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.DecisionId, h.At });
    }
}
