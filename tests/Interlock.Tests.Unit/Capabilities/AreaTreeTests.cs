using Interlock.Capabilities;

namespace Interlock.Tests.Unit.Capabilities;

public sealed class AreaTreeTests
{
    private static Area A(string code, string? parent = null) => new() { Code = code, ParentCode = parent, NameEn = code, NameFr = code };

    private static readonly Area[] Areas =
    [
        A("preventive-diplomacy"), A("mediation", "preventive-diplomacy"), A("good-offices", "preventive-diplomacy"),
        A("shuttle-mediation", "mediation"), A("peacekeeping"),
    ];

    [Fact]
    public void An_area_brings_its_children_and_grandchildren() =>
        Assert.Equal(["good-offices", "mediation", "preventive-diplomacy", "shuttle-mediation"],
            AreaTree.WithDescendants(Areas, "preventive-diplomacy").Order());

    [Fact]
    public void A_leaf_is_only_itself() => Assert.Equal(["peacekeeping"], AreaTree.WithDescendants(Areas, "peacekeeping"));

    [Fact]
    public void An_unknown_area_is_empty() => Assert.Empty(AreaTree.WithDescendants(Areas, "nope"));

    [Fact]
    public void A_cycle_in_the_data_ends()
    {
        Area[] cyclic = [A("a", "b"), A("b", "a")];
        Assert.Equal(["a", "b"], AreaTree.WithDescendants(cyclic, "a").Order());
    }
}
