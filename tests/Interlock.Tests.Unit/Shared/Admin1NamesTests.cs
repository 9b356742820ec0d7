using Interlock.Shared;

namespace Interlock.Tests.Unit.Shared;

public sealed class Admin1NamesTests
{
    [Theory]
    [InlineData("Ouaka", "Ouaka province")]
    [InlineData("Ouaka Prefecture", "Ouaka province")]
    [InlineData("préfecture de la Ouaka", "Ouaka")]
    [InlineData("Ouham-Pendé province", "ouham pende")]
    [InlineData("Ombella-M'Poko province", "Ombella M Poko")]
    [InlineData("Montserrado County", "Montserrado")]
    public void Names_of_the_same_area_match(string a, string b) => Assert.True(Admin1Names.Same(a, b));

    [Theory]
    [InlineData("Ouham", "Ouham-Pendé province")]
    [InlineData("Haut-Mbomou province", "Mbomou province")]
    [InlineData("Kotto", "Basse-Kotto")]
    public void Different_areas_do_not_match(string a, string b) => Assert.False(Admin1Names.Same(a, b));

    [Fact]
    public void A_name_made_only_of_generic_words_keeps_them()
    {
        Assert.Equal("capital", Admin1Names.Key("Capital District"));
        Assert.Equal("region", Admin1Names.Key("Région"));
    }

    [Fact]
    public void Missing_names_never_match() => Assert.False(Admin1Names.Same(null, "Ouaka"));

    [Fact]
    public void Natural_keys_treat_two_blanks_as_the_whole_country()
    {
        Assert.True(Admin1Names.SameOrBothBlank(null, " "));
        Assert.True(Admin1Names.SameOrBothBlank("Montserrado County", "Montserrado"));
        Assert.False(Admin1Names.SameOrBothBlank(null, "Montserrado"));
    }
}
