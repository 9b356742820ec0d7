using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning.Situations;

internal sealed class SituationMap : IEntityTypeConfiguration<Situation>
{
    public void Configure(EntityTypeBuilder<Situation> b)
    {
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Description).HasMaxLength(8000);
        b.Property(s => s.CountryIso3).HasMaxLength(3);
        b.Property(s => s.Stage).HasConversion<string>().HasMaxLength(32);
        b.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.SituationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.CountryIso3);
    }
}

internal sealed class SituationNoteMap : IEntityTypeConfiguration<SituationNote>
{
    public void Configure(EntityTypeBuilder<SituationNote> b)
    {
        b.Property(n => n.Text).HasMaxLength(4000);
        b.Property(n => n.AuthorName).HasMaxLength(256);
        b.HasIndex(n => n.SituationId);
    }
}
