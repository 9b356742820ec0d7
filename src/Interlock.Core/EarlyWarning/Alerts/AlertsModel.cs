using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Alerts;

internal sealed class AlertMap : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.Property(a => a.CountryIso3).HasMaxLength(3);
        b.Property(a => a.TriggerKey).HasMaxLength(120);
        b.Property(a => a.Trigger).HasConversion<byte>();
        b.Property(a => a.Level).HasConversion<byte>();
        b.Property(a => a.PreviousLevel).HasConversion<byte?>();
        b.Property(a => a.IndicatorCode).HasMaxLength(64);
        b.Property(a => a.Title).HasMaxLength(500);
        b.Property(a => a.Summary).HasMaxLength(2000);
        // The run-once guarantee: whatever two nodes do at once, one alert per natural key.
        b.HasIndex(a => new { a.CountryIso3, a.Month, a.Trigger, a.TriggerKey }).IsUnique();
        b.HasIndex(a => a.Month);
    }
}

internal sealed class AlertRouteMap : IEntityTypeConfiguration<AlertRoute>
{
    public void Configure(EntityTypeBuilder<AlertRoute> b)
    {
        b.Property(r => r.OrganizationCode).HasMaxLength(32);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.HasOne<Alert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AlertId, r.OrganizationId }).IsUnique();
    }
}

internal sealed class AlertEvaluationMarkMap : IEntityTypeConfiguration<AlertEvaluationMark>
{
    public void Configure(EntityTypeBuilder<AlertEvaluationMark> b) => b.Property(m => m.Id).ValueGeneratedNever();
}
