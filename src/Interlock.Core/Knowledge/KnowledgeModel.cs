using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Knowledge;

internal sealed class DocumentMap : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.Symbol).HasMaxLength(100);
        b.HasIndex(d => d.OwnerOrganizationId);
        b.HasIndex(d => d.Symbol);
    }
}
