using Interlock.Registry;

namespace Interlock.Tests.Unit.Registry;

/// <summary>The shipped reference data holds together and says what the public record says.</summary>
public sealed class ReferenceDataTests
{
    private static readonly IReadOnlyList<ReferenceData.CountryRow> Countries = ReferenceData.ReadCountries();
    private static readonly IReadOnlyList<ReferenceData.OrganizationRow> Organizations = ReferenceData.ReadOrganizations();
    private static readonly IReadOnlyList<ReferenceData.MembershipRow> Memberships = ReferenceData.ReadMemberships();

    [Fact]
    public void Every_un_member_and_observer_state_is_there_once()
    {
        Assert.Equal(193, Countries.Count(c => c.Country.UnStatus == UnStatus.Member));
        Assert.Equal(["PSE", "VAT"], Countries.Where(c => c.Country.UnStatus == UnStatus.Observer).Select(c => c.Country.Iso3).Order());
        Assert.Equal(Countries.Count, Countries.Select(c => c.Country.Iso3).Distinct().Count());
        Assert.Equal(Countries.Count, Countries.Select(c => c.Country.Iso2).Distinct().Count());
        Assert.All(Countries.Where(c => c.Country.UnStatus != UnStatus.Other), c => Assert.Matches("^[0-9]{3}$", c.Country.M49!));
    }

    [Fact]
    public void Land_neighbours_are_known_states_and_symmetric()
    {
        var byIso = Countries.ToDictionary(c => c.Country.Iso3, c => c.Country);
        foreach (var c in byIso.Values)
        foreach (var n in c.Neighbours)
        {
            Assert.True(byIso.ContainsKey(n), $"{c.Iso3} lists unknown neighbour {n}");
            Assert.Contains(c.Iso3, byIso[n].Neighbours);
        }
        Assert.Equal(["CMR", "COD", "COG", "SDN", "SSD", "TCD"], byIso["CAF"].Neighbours.Order());
    }

    [Fact]
    public void Gleditsch_Ward_codes_used_by_conflict_data_are_right()
    {
        var byIso = Countries.ToDictionary(c => c.Country.Iso3, c => c.Country);
        Assert.Equal(482, byIso["CAF"].GwCode);
        Assert.Equal(490, byIso["COD"].GwCode);
        Assert.Equal(626, byIso["SSD"].GwCode);
        Assert.Equal(365, byIso["RUS"].GwCode);
        var codes = Countries.Where(c => c.Country.GwCode is not null).Select(c => c.Country.GwCode).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void The_organizations_of_the_seeds_are_there_with_their_kinds()
    {
        var byCode = Organizations.ToDictionary(o => o.Organization.Code, o => o);
        Assert.True(byCode.Count >= 40);
        foreach (var code in new[] { "UN", "AU", "OAU", "EU", "OSCE", "OAS", "ECOWAS", "ECCAS", "SADC", "IGAD", "ASEAN", "CARICOM", "CIS",
                     "CSTO", "SCO", "LAS", "OIC", "COE", "NATO", "WEU", "PIF", "OIF", "CPLP", "ECO" })
            Assert.True(byCode.ContainsKey(code), $"{code} is missing");
        Assert.Equal("OAU", byCode["AU"].PredecessorCode);
        Assert.Equal("CSCE", byCode["OSCE"].PredecessorCode);
        Assert.True(byCode["ECOWAS"].Organization.ChapterViii);
        Assert.All(Organizations.Where(o => o.PredecessorCode is not null), o => Assert.True(byCode.ContainsKey(o.PredecessorCode!)));
        Assert.All(Organizations.Where(o => o.ParentCode is not null), o => Assert.True(byCode.ContainsKey(o.ParentCode!)));
    }

    [Fact]
    public void Memberships_name_known_states_and_never_overlap()
    {
        var iso = Countries.Select(c => c.Country.Iso3).ToHashSet();
        var orgs = Organizations.Select(o => o.Organization.Code).ToHashSet();
        Assert.All(Memberships, m => Assert.Contains(m.Iso3, iso));
        Assert.All(Memberships, m => Assert.Contains(m.OrgCode, orgs));
        foreach (var group in Memberships.GroupBy(m => (m.OrgCode, m.Iso3)))
        {
            var periods = group.OrderBy(m => m.Joined).ToList();
            for (var i = 1; i < periods.Count; i++)
                Assert.True(periods[i - 1].Left is { } left && left <= periods[i].Joined, $"{group.Key} has overlapping periods (line {periods[i].Line})");
        }
    }

    [Theory]
    [InlineData("EU", "GBR", "2020-01-31")]
    [InlineData("ECOWAS", "BFA", "2025-01-29")]
    [InlineData("ECOWAS", "MLI", "2025-01-29")]
    [InlineData("ECOWAS", "NER", "2025-01-29")]
    [InlineData("COE", "RUS", "2022-03-16")]
    public void Departures_on_the_public_record(string org, string iso3, string left) =>
        Assert.Contains(Memberships, m => m.OrgCode == org && m.Iso3 == iso3 && m.Left == DateOnly.Parse(left));

    [Fact]
    public void Current_membership_counts_match_the_public_record()
    {
        var today = new DateOnly(2026, 11, 26);
        int Current(string org) => Memberships.Count(m => m.OrgCode == org && m.Joined <= today && (m.Left is null || m.Left > today));
        Assert.Equal(193, Current("UN"));
        Assert.Equal(55 - 1, Current("AU")); // 55 members; the Sahrawi Republic is not a UN member or observer state
        Assert.Equal(27, Current("EU"));
        Assert.Equal(12, Current("ECOWAS"));
        Assert.Equal(57, Current("OSCE"));
        Assert.Equal(32, Current("NATO"));
        Assert.Equal(46, Current("COE"));
    }
}
