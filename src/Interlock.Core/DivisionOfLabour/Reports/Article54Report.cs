using Interlock.DivisionOfLabour.Rules;

namespace Interlock.DivisionOfLabour.Reports;

/// <summary>Art. 54 speaks of activities "undertaken or in contemplation": a planned engagement is in contemplation, the others undertaken.</summary>
public enum ActivityStanding { InContemplation, Undertaken }

public sealed record Article54Activity(Engagement Engagement, ActivityStanding Standing, PrimacyFlag? Primacy, string Sentence);

public sealed record Article54Cooperation(CooperationRecord Record, IReadOnlyList<string> ParticipantCodes, string Sentence);

/// <summary>One country's entries under an organization; <see cref="CountryIso3"/> is null for cooperation recorded with no country.</summary>
public sealed record Article54Country(string? CountryIso3, IReadOnlyList<Article54Activity> Activities, IReadOnlyList<Article54Cooperation> Cooperation);

public sealed record Article54Organization(string Code, string Name, IReadOnlyList<Article54Country> Countries);

/// <summary>
/// The report that keeps the Security Council "fully informed of activities undertaken or in contemplation" by
/// regional arrangements (Charter Art. 54): for a period, the engagements of Chapter VIII organizations that overlap
/// it (with the primacy flags of <see cref="PrimacyRule"/>) and the cooperation records of the period in which a
/// regional arrangement took part, grouped by organization and then by country. It reports what its reader may read.
/// </summary>
public sealed record Article54Report(Period Period, IReadOnlyList<Article54Organization> Organizations)
{
    public bool IsEmpty => Organizations.Count == 0;

    public static Article54Report Build(DivisionPicture picture, Period period)
    {
        var activities = picture.Engagements
            .Where(e => picture.IsRegionalArrangement(e.OrganizationId) && e.Period.Overlaps(period))
            .Select(e => (Org: e.OrganizationId, Country: (string?)e.CountryIso3, Activity: Activity(e, picture)))
            .ToList();
        var cooperation = picture.CooperationRecords
            .Where(c => Span(c).Overlaps(period))
            .SelectMany(c => c.ParticipantOrganizationIds.Distinct().Where(picture.IsRegionalArrangement)
                .Select(org => (Org: org, Country: c.CountryIso3, Entry: Cooperation(c, picture))))
            .ToList();

        var organizations = activities.Select(a => a.Org).Concat(cooperation.Select(c => c.Org)).Distinct()
            .Select(org => new Article54Organization(picture.CodeOf(org), picture.Organizations[org].NameEn,
                activities.Where(a => a.Org == org).Select(a => a.Country)
                    .Concat(cooperation.Where(c => c.Org == org).Select(c => c.Country)).Distinct()
                    .OrderBy(c => c is null).ThenBy(c => c, StringComparer.Ordinal)
                    .Select(country => new Article54Country(country,
                        activities.Where(a => a.Org == org && a.Country == country).Select(a => a.Activity)
                            .OrderBy(a => a.Engagement.StartOn).ThenBy(a => a.Engagement.Id).ToList(),
                        cooperation.Where(c => c.Org == org && c.Country == country).Select(c => c.Entry)
                            .OrderBy(c => c.Record.StartOn).ThenBy(c => c.Record.Id).ToList()))
                    .ToList()))
            .OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        return new Article54Report(period, organizations);
    }

    private static Article54Activity Activity(Engagement e, DivisionPicture picture)
    {
        var standing = e.Status == EngagementStatus.Planned ? ActivityStanding.InContemplation : ActivityStanding.Undertaken;
        var mandate = Wording.Mandate(e.MandateKind) + (e.MandateReference is { } r ? $" ({r})" : "");
        return new Article54Activity(e, standing, PrimacyRule.Of(e, picture),
            $"{(standing == ActivityStanding.Undertaken ? "Undertaken" : "In contemplation")} ({Wording.Status(e.Status)}): " +
            $"{Wording.Form(e.Form)} as {Wording.Role(e.Role)} in {e.AreaCode}, {Wording.Place(e.CountryIso3, e.Admin1)}, {e.Period}" +
            $"{(e.Activity is { } a ? $" — {a}" : "")}. Mandate: {mandate}.");
    }

    private static Article54Cooperation Cooperation(CooperationRecord c, DivisionPicture picture)
    {
        var codes = c.ParticipantOrganizationIds.Distinct().Select(picture.CodeOf).Order(StringComparer.Ordinal).ToList();
        return new Article54Cooperation(c, codes,
            $"{Type(c.Type)} ({(c.Setting == CooperationSetting.Field ? "in the field" : "at headquarters")}, {Span(c)}): {c.Title}, " +
            $"with {Wording.List(codes)}{(c.Outcome is { } o ? $". Outcome: {o}" : "")}.");
    }

    /// <summary>A record with no end date is a one-day event (a meeting, a visit), not something still going on.</summary>
    public static Period Span(CooperationRecord c) => new(c.StartOn, c.EndOn ?? c.StartOn);

    public static string Type(CooperationRecordType t) => t switch
    {
        CooperationRecordType.JointAssessmentMission => "Joint assessment mission",
        CooperationRecordType.JointWorkingGroup => "Joint working-group meeting",
        CooperationRecordType.StaffVisit => "Staff visit",
        CooperationRecordType.JointTraining => "Joint training",
        CooperationRecordType.LiaisonExchange => "Exchange of liaison officers",
        CooperationRecordType.RegionalWorkshop => "Regional workshop",
        _ => "Consultation",
    };
}
