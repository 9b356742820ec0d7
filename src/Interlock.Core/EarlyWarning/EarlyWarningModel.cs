using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.EarlyWarning;

internal sealed class ConflictEventMap : IEntityTypeConfiguration<ConflictEvent>
{
    public void Configure(EntityTypeBuilder<ConflictEvent> b)
    {
        b.HasKey(e => e.Id);
        // A plain rowid on SQLite: AUTOINCREMENT would update sqlite_sequence on every one of millions of inserts.
        b.Property(e => e.Id).HasAnnotation("Sqlite:ValueGenerationStrategy", Microsoft.EntityFrameworkCore.Metadata.SqliteValueGenerationStrategy.None);
        b.Property(e => e.Dataset).HasMaxLength(16);
        b.Property(e => e.SourceEventId).HasMaxLength(64);
        b.Property(e => e.CountryIso3).HasMaxLength(3);
        b.Property(e => e.Admin1).HasMaxLength(200);
        b.Property(e => e.SideA).HasMaxLength(300);
        b.Property(e => e.SideB).HasMaxLength(300);
        b.Property(e => e.ViolenceType).HasConversion<byte>();
        // The import's upsert key, and the one index the country-month aggregation and the API filters use.
        // No foreign keys and no other indexes: each costs time on every one of millions of inserted rows.
        b.HasIndex(e => new { e.Dataset, e.SourceEventId }).IsUnique();
        b.HasIndex(e => new { e.CountryIso3, e.DateStart });
        b.ToTable("ConflictEvents");
    }
}

internal sealed class CountryMonthMap : IEntityTypeConfiguration<CountryMonth>
{
    public void Configure(EntityTypeBuilder<CountryMonth> b)
    {
        b.HasKey(m => new { m.Series, m.CountryIso3, m.Month });
        b.Property(m => m.Series).HasMaxLength(16);
        b.Property(m => m.CountryIso3).HasMaxLength(3);
        b.HasIndex(m => new { m.CountryIso3, m.Month });
        b.Ignore(m => m.OrganizedViolence);
    }
}

internal sealed class ImportBatchMap : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        // Numbered by the importer inside its locked transaction, before the events that name it are written.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Dataset).HasMaxLength(16);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
    }
}
