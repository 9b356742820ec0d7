using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Identity;

internal sealed class InterlockUserMap : IEntityTypeConfiguration<InterlockUser>
{
    public void Configure(EntityTypeBuilder<InterlockUser> b)
    {
        b.HasIndex(u => u.OrganizationId);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
    }
}

internal sealed class PersonalAccessTokenMap : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> b)
    {
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Hint).HasMaxLength(16);
        b.Property(t => t.Name).HasMaxLength(200);
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
