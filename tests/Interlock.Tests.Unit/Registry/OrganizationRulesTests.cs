using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Registry;

public sealed class OrganizationRulesTests
{
    [Theory]
    [InlineData("ECOWAS", true)]
    [InlineData("UN-WOMEN", true)]
    [InlineData("G5", true)]
    [InlineData("ecowas", false)]
    [InlineData("-AU", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("A CODE", false)]
    public void Codes_are_capitals_digits_and_hyphens(string? code, bool valid) =>
        Assert.Equal(valid, OrganizationRules.ValidateCode(code).IsEmpty);

    [Fact]
    public void Dates_parse_with_their_precision_and_dissolution_follows_establishment()
    {
        var org = new Organization { Code = "OAU", NameEn = "x", NameFr = "x" };
        Assert.True(OrganizationRules.ApplyDates(org, "1963-05-25", "2002").IsEmpty);
        Assert.Equal(new DateOnly(2002, 12, 31), org.Dissolved);
        Assert.Equal(DatePrecision.Year, org.DissolvedPrecision);
        Assert.Equal(DatePrecision.Day, org.EstablishedPrecision);

        Assert.Equal(["dissolved"], OrganizationRules.ApplyDates(org, "2002", "1963").ToDictionary().Keys);
        Assert.Equal(["established"], OrganizationRules.ApplyDates(org, "25 May 1963", null).ToDictionary().Keys);
    }

    [Fact]
    public void Predecessor_and_parent_chains_may_not_loop()
    {
        Guid oau = Guid.NewGuid(), au = Guid.NewGuid(), un = Guid.NewGuid(), dpa = Guid.NewGuid();
        var links = new Dictionary<Guid, (Guid? Predecessor, Guid? Parent)>
        {
            [oau] = (null, null), [au] = (oau, null), [un] = (null, null), [dpa] = (null, un),
        };
        Assert.True(OrganizationRules.ValidateLinks(au, oau, null, links).IsEmpty);
        Assert.Equal(["predecessorCode"], OrganizationRules.ValidateLinks(oau, au, null, links).ToDictionary().Keys);
        Assert.Equal(["predecessorCode"], OrganizationRules.ValidateLinks(au, au, null, links).ToDictionary().Keys);
        Assert.Equal(["parentCode"], OrganizationRules.ValidateLinks(un, null, dpa, links).ToDictionary().Keys);
    }
}
