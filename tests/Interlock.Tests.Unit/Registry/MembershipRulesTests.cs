using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Registry;

public sealed class MembershipRulesTests
{
    private static readonly Guid Ecowas = Guid.NewGuid();

    private static Membership Existing(string joined, string? left, string iso3 = "MLI") => new()
    {
        OrganizationId = Ecowas, CountryIso3 = iso3, Joined = DateOnly.Parse(joined), Left = left is null ? null : DateOnly.Parse(left),
    };

    private static (Membership Target, string[] Fields) Apply(string? iso3, string? joined, string? left, params Membership[] others)
    {
        var target = new Membership { OrganizationId = Ecowas, CountryIso3 = "" };
        var errors = MembershipRules.Apply(target, iso3, iso3 is "MLI" or "NER", joined, left, null, others);
        return (target, errors.ToDictionary().Keys.Order().ToArray());
    }

    [Fact]
    public void A_rejoining_state_gets_a_second_period()
    {
        var (target, fields) = Apply("MLI", "2030", null, Existing("1975-05-28", "2025-01-29"));
        Assert.Empty(fields);
        Assert.Equal(new DateOnly(2030, 1, 1), target.Joined);
        Assert.Equal(DatePrecision.Year, target.JoinedPrecision);
    }

    [Theory]
    [InlineData("2000-01-01", null)]
    [InlineData("1960", "1976")]
    [InlineData("2025-01-28", null)]
    public void An_overlapping_period_of_the_same_state_is_rejected_naming_joined(string joined, string? left) =>
        Assert.Equal(["joined"], Apply("MLI", joined, left, Existing("1975-05-28", "2025-01-29")).Fields);

    [Fact]
    public void Periods_are_half_open_so_a_state_may_rejoin_on_the_day_it_left() =>
        Assert.Empty(Apply("MLI", "2025-01-29", null, Existing("1975-05-28", "2025-01-29")).Fields);

    [Fact]
    public void Another_state_does_not_clash() =>
        Assert.Empty(Apply("NER", "2000-01-01", null, Existing("1975-05-28", null)).Fields);

    [Fact]
    public void The_period_being_edited_does_not_clash_with_itself()
    {
        var existing = Existing("1975-05-28", null);
        var errors = MembershipRules.Apply(existing, "MLI", true, "1975-05-28", "2025-01-29", "left in 2025", [existing]);
        Assert.True(errors.IsEmpty);
        Assert.Equal(new DateOnly(2025, 1, 29), existing.Left);
        Assert.Equal("left in 2025", existing.Note);
    }

    [Theory]
    [InlineData("XXX", "2000", null, new[] { "iso3" })]
    [InlineData("MLI", null, null, new[] { "joined" })]
    [InlineData("MLI", "May 2000", null, new[] { "joined" })]
    [InlineData("MLI", "2000", "soon", new[] { "left" })]
    [InlineData("MLI", "2000-05-01", "1999", new[] { "left" })]
    [InlineData("MLI", "2000-05-01", "2000-05-01", new[] { "left" })]
    [InlineData(null, "", null, new[] { "iso3" })]
    public void Bad_fields_are_named(string? iso3, string? joined, string? left, string[] fields) =>
        Assert.Equal(fields, Apply(iso3, joined, left).Fields);

    [Fact]
    public void An_empty_join_date_means_not_known()
    {
        var (target, fields) = Apply("MLI", "", null);
        Assert.Empty(fields);
        Assert.Equal(DatePrecision.Unknown, target.JoinedPrecision);
    }

    [Fact]
    public void Year_only_end_dates_mean_the_end_of_that_year()
    {
        var (target, _) = Apply("MLI", "1990", "1995");
        Assert.Equal(new DateOnly(1995, 12, 31), target.Left);
        Assert.Equal(DatePrecision.Year, target.LeftPrecision);
    }
}
