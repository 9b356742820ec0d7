using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Registry;

public sealed class SharingAgreementTests
{
    private static readonly Guid Au = Guid.NewGuid(), Ecowas = Guid.NewGuid(), Eu = Guid.NewGuid();

    private static SharingAgreement Agreement(bool confirmedByAll = true) => new()
    {
        Title = "AU–ECOWAS early-warning exchange",
        ValidFrom = new DateOnly(2026, 3, 1),
        ValidTo = new DateOnly(2026, 8, 31),
        DataCategories = [Categories.Document],
        Ceiling = Classification.Confidential,
        Parties =
        [
            new() { OrganizationId = Au, ConfirmedAt = DateTimeOffset.UnixEpoch },
            new() { OrganizationId = Ecowas, ConfirmedAt = confirmedByAll ? DateTimeOffset.UnixEpoch : null },
        ],
    };

    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    [InlineData("2026-08-31", true)]
    [InlineData("2026-09-01", false)]
    public void In_force_from_its_first_to_its_last_day(string day, bool inForce) =>
        Assert.Equal(inForce, Agreement().InForceOn(DateOnly.Parse(day)));

    [Fact]
    public void Nothing_is_granted_until_every_party_confirms()
    {
        var a = Agreement(confirmedByAll: false);
        Assert.False(a.InForceOn(new DateOnly(2026, 5, 1)));
        Assert.Empty(a.GrantsFor(Ecowas, new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void Each_party_reads_the_others_and_outsiders_read_nothing()
    {
        var a = Agreement();
        var day = new DateOnly(2026, 5, 1);
        var grant = Assert.Single(a.GrantsFor(Ecowas, day));
        Assert.Equal(Au, grant.OwnerOrganizationId);
        Assert.Equal(Ecowas, grant.GranteeOrganizationId);
        Assert.Equal(Ecowas, Assert.Single(a.GrantsFor(Au, day)).OwnerOrganizationId);
        Assert.Empty(a.GrantsFor(Eu, day));
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        var errors = SharingAgreement.Validate("", [Au], ["no.such"], Classification.StrictlyConfidential,
            new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1)).ToDictionary();
        Assert.Equal(new[] { "ceiling", "dataCategories", "parties", "title", "validTo" }, errors.Keys.Order());
    }
}
