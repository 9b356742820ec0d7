using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Incidents;

/// <summary>What an incident report must hold, and who may set its verification status.</summary>
public static class IncidentRules
{
    public static readonly DateOnly EarliestDate = new(1946, 1, 1);

    public sealed record Input(DateOnly? Date, string? CountryIso3, string? Admin1, string? Place, double? Latitude, double? Longitude,
        CoordinatePrecision Precision, ViolenceType? ViolenceType, string? IncidentType, string? SideA, string? SideB, int? Fatalities,
        string? Source, string? Description);

    public static ValidationErrors Validate(Input i, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (i.Date is null) errors.Add("date", "A date is required.");
        else errors.Require(i.Date >= EarliestDate && i.Date <= today, "date", $"Must be between {EarliestDate:yyyy-MM-dd} and today.");
        errors.Require(i.CountryIso3 is not null && CountryCodes.Default.IsKnown(i.CountryIso3), "country",
            $"'{i.CountryIso3}' is not an ISO 3166 alpha-3 code of a country Interlock knows.");
        errors.Require(i.Admin1 is null || i.Admin1.Length <= 200, "admin1", "At most 200 characters.");
        errors.Require(i.Place is null || i.Place.Length <= 200, "place", "At most 200 characters.");
        errors.Require(i.Latitude is null == i.Longitude is null, i.Latitude is null ? "latitude" : "longitude", "Give both coordinates or neither.");
        errors.Require(i.Latitude is null or (>= -90 and <= 90), "latitude", "Between -90 and 90.");
        errors.Require(i.Longitude is null or (>= -180 and <= 180), "longitude", "Between -180 and 180.");
        errors.Require(Enum.IsDefined(i.Precision), "precision", "One of exact, tenthDegree, oneDegree, hidden.");
        errors.Require(i.ViolenceType is { } v && Enum.IsDefined(v), "violenceType", "One of stateBased, nonState, oneSided, other.");
        errors.Require(!string.IsNullOrWhiteSpace(i.IncidentType), "incidentType", "Say what happened.");
        errors.Require(i.IncidentType is null || i.IncidentType.Length <= 200, "incidentType", "At most 200 characters.");
        errors.Require(i.SideA is null || i.SideA.Length <= 300, "sideA", "At most 300 characters.");
        errors.Require(i.SideB is null || i.SideB.Length <= 300, "sideB", "At most 300 characters.");
        errors.Require(i.Fatalities is >= 0 and <= 1_000_000, "fatalities", "A whole number of at least 0.");
        errors.Require(!string.IsNullOrWhiteSpace(i.Source), "source", "Name the source.");
        errors.Require(i.Source is null || i.Source.Length <= 500, "source", "At most 500 characters.");
        errors.Require(i.Description is null || i.Description.Length <= 4000, "description", "At most 4000 characters.");
        return errors;
    }

    public static void Apply(IncidentReport r, Input i)
    {
        r.Date = i.Date!.Value;
        r.CountryIso3 = i.CountryIso3!;
        r.Admin1 = Clean(i.Admin1);
        r.Place = Clean(i.Place);
        r.Latitude = i.Latitude;
        r.Longitude = i.Longitude;
        r.Precision = i.Precision;
        r.ViolenceType = i.ViolenceType!.Value;
        r.IncidentType = i.IncidentType!.Trim();
        r.SideA = Clean(i.SideA);
        r.SideB = Clean(i.SideB);
        r.Fatalities = i.Fatalities!.Value;
        r.Source = i.Source!.Trim();
        r.Description = Clean(i.Description);
    }

    /// <summary>
    /// A correction by the reporting organization. When it changes what the report says happened (date, place,
    /// coordinates, type, actors, fatalities or source), a verification given to the old facts no longer holds: the
    /// status goes back to unverified, in the corrector's name, until an Analyst judges the corrected report.
    /// Returns true when that happened.
    /// </summary>
    public static bool Correct(IncidentReport r, Input i, string? user, DateTimeOffset at)
    {
        var before = Facts(r);
        Apply(r, i);
        if (r.Verification == VerificationStatus.Unverified || Facts(r) == before) return false;
        SetVerification(r, VerificationStatus.Unverified, user, at);
        return true;
    }

    private static string Facts(IncidentReport r) => string.Join('|', r.Date, r.CountryIso3, r.Admin1, r.Place, r.Latitude, r.Longitude,
        r.ViolenceType, r.IncidentType, r.SideA, r.SideB, r.Fatalities, r.Source);

    /// <summary>Only an Analyst of the owning organization judges a report of that organization.</summary>
    public static AccessDecision DecideVerification(Subject subject, IncidentReport report)
    {
        if (!subject.IsAuthenticated) return AccessDecision.Deny("sign in to verify reports");
        if (!subject.CanUseWriteScope) return AccessDecision.Deny("the token's scope is read-only");
        if (subject.OrganizationId != report.OwnerOrganizationId) return AccessDecision.Deny("only the reporting organization verifies its reports");
        return subject.Has(Role.Analyst)
            ? AccessDecision.Allow("Analyst of the reporting organization")
            : AccessDecision.Deny("only an Analyst of the reporting organization sets the verification status");
    }

    public static void SetVerification(IncidentReport r, VerificationStatus status, string? user, DateTimeOffset at)
    {
        r.Verification = status;
        r.VerifiedBy = user;
        r.VerifiedAt = at;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
