using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Interlock.Registry;

internal sealed class CountryMap : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.HasKey(c => c.Iso3);
        b.Property(c => c.Iso3).HasMaxLength(3);
        b.Property(c => c.Iso2).HasMaxLength(2);
        b.HasIndex(c => c.Iso2).IsUnique();
        b.Property(c => c.M49).HasMaxLength(3);
        b.HasIndex(c => c.GwCode);
        b.Property(c => c.UnStatus).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class OrganizationMap : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.NameEn).HasMaxLength(300);
        b.Property(o => o.NameFr).HasMaxLength(300);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.HeadquartersIso3).HasMaxLength(3);
        b.Ignore(o => o.OwnerOrganizationId);
        b.HasOne(o => o.Predecessor).WithMany().HasForeignKey(o => o.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Memberships).WithOne(m => m.Organization).HasForeignKey(m => m.OrganizationId);
    }
}

internal sealed class MembershipMap : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasIndex(m => new { m.OrganizationId, m.CountryIso3, m.Joined }).IsUnique();
        b.HasIndex(m => m.CountryIso3);
        b.HasOne(m => m.Country).WithMany().HasForeignKey(m => m.CountryIso3).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SharingAgreementMap : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId);
    }
}

internal sealed class SharingAgreementPartyMap : IEntityTypeConfiguration<SharingAgreementParty>
{
    public void Configure(EntityTypeBuilder<SharingAgreementParty> b)
    {
        b.HasKey(p => new { p.AgreementId, p.OrganizationId });
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrganizationId);
    }
}

internal sealed class PersonMap : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.FullName).HasMaxLength(200);
        b.HasIndex(p => p.OwnerOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Roles).WithOne(r => r.Person).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonRoleMap : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(r => new { r.OrganizationId, r.Kind });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CooperationAgreementMap : IEntityTypeConfiguration<CooperationAgreement>
{
    public void Configure(EntityTypeBuilder<CooperationAgreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(a => a.OwnerOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
