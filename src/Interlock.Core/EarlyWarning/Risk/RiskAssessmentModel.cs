using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Risk;

internal sealed class RiskAssessmentMap : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.Property(a => a.CountryIso3).HasMaxLength(3);
        b.Property(a => a.Level).HasConversion<byte>();
        b.Property(a => a.Justification).HasMaxLength(RiskAssessmentRules.MaxJustification);
        b.Property(a => a.AuthorUserId).HasMaxLength(450);
        b.Property(a => a.AuthorName).HasMaxLength(256);
        b.HasIndex(a => new { a.CountryIso3, a.Month });
    }
}
