using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Incidents;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

/// <summary>A correction that changes the facts of a verified report sends it back to unverified; wording changes do not.</summary>
public sealed class IncidentCorrectionTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static IncidentRules.Input Input(int fatalities = 4, string? description = "Attack on a market") =>
        new(new DateOnly(2024, 3, 2), "CAF", "Ouaka", "Bambari", 5.76, 20.67, CoordinatePrecision.TenthDegree, ViolenceType.OneSided,
            "Attack on civilians", "Armed group", "Civilians", fatalities, "Field office", description);

    private static IncidentReport Verified()
    {
        var r = new IncidentReport { CountryIso3 = "CAF", IncidentType = "x", Source = "y" };
        IncidentRules.Apply(r, Input());
        IncidentRules.SetVerification(r, VerificationStatus.Verified, "analyst", At.AddDays(-1));
        return r;
    }

    [Fact]
    public void Changing_the_fatalities_of_a_verified_report_makes_it_unverified_in_the_correctors_name()
    {
        var r = Verified();
        Assert.True(IncidentRules.Correct(r, Input(fatalities: 7), "reporter", At));
        Assert.Equal((VerificationStatus.Unverified, "reporter", At, 7), (r.Verification, r.VerifiedBy, r.VerifiedAt!.Value, r.Fatalities));
    }

    [Fact]
    public void Rewording_the_description_keeps_the_verification()
    {
        var r = Verified();
        Assert.False(IncidentRules.Correct(r, Input(description: "Attack on the Bambari market"), "reporter", At));
        Assert.Equal((VerificationStatus.Verified, "analyst"), (r.Verification, r.VerifiedBy));
    }

    [Fact]
    public void A_disputed_report_whose_facts_change_is_unverified_again()
    {
        var r = Verified();
        IncidentRules.SetVerification(r, VerificationStatus.Disputed, "analyst", At);
        Assert.True(IncidentRules.Correct(r, Input(fatalities: 2), "reporter", At.AddHours(1)));
        Assert.Equal(VerificationStatus.Unverified, r.Verification);
    }
}
