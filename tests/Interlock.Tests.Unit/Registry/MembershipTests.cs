using Interlock.Registry;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Registry;

public sealed class MembershipTests
{
    private static readonly Guid Ecowas = Guid.NewGuid();

    private static Membership M(string joined, string? left, string iso3 = "MLI") => new()
    {
        OrganizationId = Ecowas, CountryIso3 = iso3, Joined = DateOnly.Parse(joined), Left = left is null ? null : DateOnly.Parse(left),
    };

    [Theory]
    [InlineData("1975-05-28", "2025-01-29", "2025-01-30", null, false)]
    [InlineData("1975-05-28", "2025-01-29", "2025-01-29", null, false)]
    [InlineData("1975-05-28", "2025-01-29", "2025-01-28", null, true)]
    [InlineData("1975-05-28", null, "2000-01-01", null, true)]
    [InlineData("1975-05-28", "1990-01-01", "1980-01-01", "1985-01-01", true)]
    public void Periods_of_the_same_state_may_not_overlap(string j1, string? l1, string j2, string? l2, bool overlaps) =>
        Assert.Equal(overlaps, M(j1, l1).Overlaps(M(j2, l2)));

    [Fact]
    public void Different_states_never_overlap() =>
        Assert.False(M("1975-05-28", null).Overlaps(M("1975-05-28", null, "NER")));

    [Fact]
    public void Current_membership_is_judged_on_the_day()
    {
        var mali = M("1975-05-28", "2025-01-29");
        Assert.True(mali.IsCurrent(new DateOnly(2025, 1, 28)));
        Assert.False(mali.IsCurrent(new DateOnly(2025, 1, 29)));
    }

    [Theory]
    [InlineData("1963", false, "1963-01-01", DatePrecision.Year)]
    [InlineData("2011", true, "2011-12-31", DatePrecision.Year)]
    [InlineData("2025-01-29", false, "2025-01-29", DatePrecision.Day)]
    public void Partial_dates_parse_to_the_start_or_end_of_their_year(string text, bool end, string expected, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, end, out var date, out var p));
        Assert.Equal(DateOnly.Parse(expected), date);
        Assert.Equal(precision, p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25-01-2025")]
    [InlineData("2025-13-01")]
    [InlineData("abcd")]
    public void Malformed_dates_are_refused(string text) => Assert.False(PartialDate.TryParse(text, false, out _, out _));
}
