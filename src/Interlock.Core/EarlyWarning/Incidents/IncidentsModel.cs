using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Incidents;

internal sealed class IncidentReportMap : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> b)
    {
        b.Property(r => r.CountryIso3).HasMaxLength(3);
        b.Property(r => r.Admin1).HasMaxLength(200);
        b.Property(r => r.Place).HasMaxLength(200);
        b.Property(r => r.IncidentType).HasMaxLength(200);
        b.Property(r => r.SideA).HasMaxLength(300);
        b.Property(r => r.SideB).HasMaxLength(300);
        b.Property(r => r.Source).HasMaxLength(500);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.VerifiedBy).HasMaxLength(256);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.ViolenceType).HasConversion<byte>();
        b.Property(r => r.Precision).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Verification).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.CountryIso3, r.Date });
        b.HasIndex(r => r.OwnerOrganizationId);
    }
}
