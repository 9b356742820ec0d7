using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;

namespace Interlock.Tests.Unit.DivisionOfLabour;

/// <summary>The cooperation record: two organizations at least, known ids, a country that agrees with the situation.</summary>
public sealed class CooperationRecordWritesTests
{
    private static readonly Guid Un = Guid.NewGuid(), Ecowas = Guid.NewGuid(), Doc = Guid.NewGuid();
    private static readonly Situation Liberia = new() { Title = "Liberia", CountryIso3 = "LBR" };

    private static CooperationRecordFacts Facts(Situation? s = null, bool countryKnown = true) =>
        new(new HashSet<Guid> { Un, Ecowas }, s, countryKnown, new HashSet<Guid> { Doc });

    private static CooperationRecordFields Body(IReadOnlyList<Guid>? participants = null, Guid? situation = null, string? country = null,
        IReadOnlyList<Guid>? docs = null) =>
        new(CooperationRecordType.JointAssessmentMission, CooperationSetting.Field, "Joint assessment mission to Monrovia", new DateOnly(1993, 9, 1),
            participants ?? [Un, Ecowas], new DateOnly(1993, 9, 10), situation, country, "Agreed the UNOMIL–ECOMOG division of tasks", docs);

    private static IEnumerable<string> Fields(CooperationRecordFields b, CooperationRecordFacts f) => CooperationRecordWrites.Check(b, f).ToDictionary().Keys;

    [Fact]
    public void A_joint_mission_of_two_known_organizations_in_the_situations_country_is_valid() =>
        Assert.Empty(Fields(Body(situation: Liberia.Id, country: "lbr", docs: [Doc]), Facts(Liberia)));

    [Fact]
    public void Cooperation_takes_two_known_organizations()
    {
        Assert.Equal(["participants"], Fields(Body([Un, Un]), Facts()));
        Assert.Equal(["participants"], Fields(Body([Un, Guid.NewGuid()]), Facts()));
    }

    [Fact]
    public void The_country_must_be_the_situations_and_a_hidden_situation_is_unknown()
    {
        Assert.Equal(["countryIso3"], Fields(Body(situation: Liberia.Id, country: "SLE"), Facts(Liberia)));
        Assert.Equal(["situationId"], Fields(Body(situation: Guid.NewGuid()), Facts(null)));
        Assert.Equal(["countryIso3"], Fields(Body(country: "XXX"), Facts(countryKnown: false)));
    }

    [Fact]
    public void Documents_must_exist_and_dates_run_forward()
    {
        Assert.Equal(["documentIds"], Fields(Body(docs: [Guid.NewGuid()]), Facts()));
        var backwards = Body() with { EndOn = new DateOnly(1993, 8, 1) };
        Assert.Equal(["endOn"], Fields(backwards, Facts()));
        Assert.Contains("type", Fields(Body() with { Type = null }, Facts()));
        Assert.Contains("setting", Fields(Body() with { Setting = null }, Facts()));
    }
}
