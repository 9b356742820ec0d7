using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Risk;

internal sealed class IndicatorValueMap : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.Property(v => v.IndicatorCode).HasMaxLength(64);
        b.Property(v => v.CountryIso3).HasMaxLength(3);
        b.Property(v => v.Level).HasConversion<byte>();
        b.Property(v => v.Reason).HasMaxLength(1000);
        // One derived value per indicator, country and month; reported values may come from several organizations.
        b.HasIndex(v => new { v.CountryIso3, v.Month, v.IndicatorCode });
        b.HasIndex(v => new { v.IndicatorCode, v.Month });
    }
}

internal sealed class CountryRiskMap : IEntityTypeConfiguration<CountryRisk>
{
    public void Configure(EntityTypeBuilder<CountryRisk> b)
    {
        b.HasKey(r => new { r.CountryIso3, r.Month });
        b.Property(r => r.CountryIso3).HasMaxLength(3);
        b.Property(r => r.Level).HasConversion<byte>();
        b.HasIndex(r => new { r.Month, r.Level });
    }
}
