using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Incidents;

namespace Interlock.Tests.Unit.EarlyWarning.Exchange;

public sealed class ReportedLocationTests
{
    [Theory]
    [InlineData(CoordinatePrecision.Exact, 4.36712, 18.55498, 4.36712, 18.55498)]
    [InlineData(CoordinatePrecision.TenthDegree, 4.36712, 18.55498, 4.4, 18.6)]
    [InlineData(CoordinatePrecision.TenthDegree, -4.34, -15.25, -4.3, -15.3)]
    [InlineData(CoordinatePrecision.OneDegree, 4.36712, 18.55498, 4, 19)]
    [InlineData(CoordinatePrecision.OneDegree, -0.5, 179.6, -1, 180)]
    public void Coordinates_are_rounded_to_the_precision(CoordinatePrecision p, double lat, double lon, double shownLat, double shownLon)
    {
        var (la, lo, _) = ReportedLocation.Reduce(lat, lon, p);
        Assert.Equal(shownLat, la!.Value, 10);
        Assert.Equal(shownLon, lo!.Value, 10);
    }

    [Fact]
    public void Hidden_shows_no_coordinates_and_missing_ones_stay_missing()
    {
        Assert.Equal((null, null), Drop(ReportedLocation.Reduce(4.3, 18.5, CoordinatePrecision.Hidden)));
        Assert.Equal((null, null), Drop(ReportedLocation.Reduce(null, null, CoordinatePrecision.Exact)));
    }

    [Fact]
    public void The_owner_sees_exact_coordinates_everyone_else_only_the_reduced_ones()
    {
        var owner = Guid.NewGuid();
        var r = new IncidentReport
        {
            OwnerOrganizationId = owner, CountryIso3 = "CAF", IncidentType = "attack", Source = "field", Latitude = 4.36712, Longitude = 18.55498,
            Precision = CoordinatePrecision.OneDegree, ViolenceType = ViolenceType.OneSided,
        };
        Assert.Equal((4.36712, 18.55498, CoordinatePrecision.Exact), r.LocationFor(owner));
        Assert.Equal((4d, 19d, CoordinatePrecision.OneDegree), r.LocationFor(Guid.NewGuid()));
        Assert.Equal((4d, 19d, CoordinatePrecision.OneDegree), r.LocationFor(null));
    }

    private static (double?, double?) Drop((double?, double?, CoordinatePrecision) x) => (x.Item1, x.Item2);
}
