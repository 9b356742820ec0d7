using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Observations;

internal sealed class ObservationMap : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.IndicatorCode).HasMaxLength(64);
        b.Property(o => o.CountryIso3).HasMaxLength(3);
        b.Property(o => o.Admin1).HasMaxLength(200);
        b.Property(o => o.Source).HasMaxLength(500);
        b.Property(o => o.SourceReliability).HasMaxLength(1);
        b.Property(o => o.Note).HasMaxLength(4000);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.RevisedBy).HasMaxLength(256);
        b.HasMany(o => o.Revisions).WithOne().HasForeignKey(r => r.ObservationId).OnDelete(DeleteBehavior.Restrict);
        // The list filters by country and month; a second submission looks up owner, indicator, place and month.
        b.HasIndex(o => new { o.CountryIso3, o.Month });
        b.HasIndex(o => new { o.OwnerOrganizationId, o.IndicatorCode, o.CountryIso3, o.Month });
    }
}

internal sealed class ObservationRevisionMap : IEntityTypeConfiguration<ObservationRevision>
{
    public void Configure(EntityTypeBuilder<ObservationRevision> b)
    {
        b.Property(r => r.Source).HasMaxLength(500);
        b.Property(r => r.SourceReliability).HasMaxLength(1);
        b.Property(r => r.Note).HasMaxLength(4000);
        b.Property(r => r.Correction).HasMaxLength(1000);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.ObservationId, r.Number }).IsUnique();
    }
}
