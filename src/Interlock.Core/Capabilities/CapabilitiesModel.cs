using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Capabilities;

internal sealed class AreaMap : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.ParentCode).HasMaxLength(64);
        b.Property(a => a.Group).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class CapabilityMap : IEntityTypeConfiguration<Capability>
{
    public void Configure(EntityTypeBuilder<Capability> b)
    {
        b.Property(c => c.AreaCode).HasMaxLength(64);
        b.HasIndex(c => c.AreaCode);
        b.HasIndex(c => c.OwnerOrganizationId);
        b.Property(c => c.Budget).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Interlock.Registry.Organization>().WithMany().HasForeignKey(c => c.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Interlock.Registry.Person>().WithMany().HasForeignKey(c => c.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
