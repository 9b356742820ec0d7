using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Audit;

internal sealed class AuditEntryMap : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class ReferenceDataVersionMap : IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceDataVersion> b) => b.HasKey(v => v.Name);
}
