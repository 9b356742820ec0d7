using Interlock.EarlyWarning.Situations;
using Interlock.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.DivisionOfLabour;

internal sealed class NeedMap : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.Property(n => n.AreaCode).HasMaxLength(64);
        b.Property(n => n.CountryIso3).HasMaxLength(3);
        b.Property(n => n.Admin1).HasMaxLength(200);
        b.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Notes).HasMaxLength(4000);
        b.Property(n => n.AgreedLeadNote).HasMaxLength(2000);
        b.Ignore(n => n.Period);
        b.HasIndex(n => n.SituationId);
        b.HasIndex(n => n.CountryIso3);
        b.HasOne<Situation>().WithMany().HasForeignKey(n => n.SituationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.AgreedLeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EngagementMap : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.Property(e => e.AreaCode).HasMaxLength(64);
        b.Property(e => e.Activity).HasMaxLength(500);
        b.Property(e => e.CountryIso3).HasMaxLength(3);
        b.Property(e => e.Admin1).HasMaxLength(200);
        b.Property(e => e.Form).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.MandateKind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.MandateReference).HasMaxLength(300);
        b.Ignore(e => e.Period);
        b.HasIndex(e => e.CountryIso3);
        b.HasIndex(e => e.SituationId);
        b.HasIndex(e => e.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Situation>().WithMany().HasForeignKey(e => e.SituationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransitionPlanMap : IEntityTypeConfiguration<TransitionPlan>
{
    public void Configure(EntityTypeBuilder<TransitionPlan> b)
    {
        b.Property(t => t.Title).HasMaxLength(300);
        b.Property(t => t.Notes).HasMaxLength(4000);
        b.HasIndex(t => t.SituationId);
        b.HasOne<Situation>().WithMany().HasForeignKey(t => t.SituationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Engagement>().WithMany().HasForeignKey(t => t.FromEngagementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Engagement>().WithMany().HasForeignKey(t => t.ToEngagementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TransitionPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransitionChecklistItemMap : IEntityTypeConfiguration<TransitionChecklistItem>
{
    public void Configure(EntityTypeBuilder<TransitionChecklistItem> b)
    {
        // Ids are made in code (Guid v7); items added to a tracked plan's collection must be inserted, not updated.
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Topic).HasConversion<string>().HasMaxLength(32);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Description).HasMaxLength(1000);
        b.HasIndex(i => i.TransitionPlanId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CooperationRecordMap : IEntityTypeConfiguration<CooperationRecord>
{
    public void Configure(EntityTypeBuilder<CooperationRecord> b)
    {
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Setting).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.CountryIso3).HasMaxLength(3);
        b.Property(c => c.Outcome).HasMaxLength(4000);
        b.Ignore(c => c.Period);
        b.HasIndex(c => c.SituationId);
        b.HasIndex(c => c.StartOn);
        b.HasOne<Situation>().WithMany().HasForeignKey(c => c.SituationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
