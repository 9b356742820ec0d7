namespace Interlock.DivisionOfLabour.Rules;

public enum OverlapKind
{
    /// <summary>Two or more organizations cover the need at the same time and no lead was agreed.</summary>
    NoAgreedLead,
    /// <summary>A lead was agreed, yet two or more organizations hold the role of lead at the same time.</summary>
    SeveralLeads,
}

/// <summary>
/// An overlap on one need: the parties, their engagements, and the span in which at least two of them work on it together
/// (within the need's period). <see cref="AgreedLeadOrganizationId"/> is set for <see cref="OverlapKind.SeveralLeads"/>.
/// </summary>
public sealed record Overlap(Need Need, OverlapKind Kind, IReadOnlyList<Guid> PartyIds, IReadOnlyList<string> PartyCodes,
    IReadOnlyList<Engagement> Engagements, Period Period, Guid? AgreedLeadOrganizationId, string Sentence);

/// <summary>
/// "The division of labour must be clearly defined and agreed upon in order to avoid overlap" (seed 001): a need that
/// several organizations cover (<see cref="Coverage.Covers"/>) in overlapping periods with no agreed lead; or, once a
/// lead is agreed, one that two organizations still claim to lead at the same time. A need gives at most one overlap:
/// without an agreed lead the first kind already names every party (and says who claims the lead), so recording the
/// agreed lead clears it, and leaves the second kind only if another organization still holds the role of lead.
/// </summary>
public static class OverlapRule
{
    public static IReadOnlyList<Overlap> Find(DivisionPicture picture, Coverage coverage) =>
        picture.Needs.OrderBy(n => n.StartOn).ThenBy(n => n.Id)
            .Select(n => Of(n, picture, coverage)).OfType<Overlap>().ToList();

    public static Overlap? Of(Need need, DivisionPicture picture, Coverage coverage)
    {
        var covering = picture.Engagements.Where(e => coverage.Covers(need, e)).OrderBy(e => e.StartOn).ThenBy(e => e.Id).ToList();
        if (need.AgreedLeadOrganizationId is null)
        {
            var (engaged, span) = Concurrent(need, covering);
            if (engaged.Count == 0) return null;
            var parties = Parties(engaged, picture);
            var leads = Parties(engaged.Where(e => e.Role == EngagementRole.Lead), picture);
            var claim = leads.Codes.Count switch
            {
                0 => "none of them holds the role of lead",
                1 => $"{leads.Codes[0]} holds the role of lead",
                _ => $"{Wording.List(leads.Codes)} each hold the role of lead",
            };
            return new Overlap(need, OverlapKind.NoAgreedLead, parties.Ids, parties.Codes, engaged, span!.Value, null,
                $"{Wording.List(parties.Codes)} ({parties.Codes.Count} organizations, {engaged.Count} engagements) work on " +
                $"{Wording.Need(need)} at the same time, {span}, and no lead has been agreed; {claim}.");
        }

        var agreed = need.AgreedLeadOrganizationId.Value;
        var (leading, leadSpan) = Concurrent(need, covering.Where(e => e.Role == EngagementRole.Lead).ToList());
        if (leading.Count == 0) return null;
        var claimants = Parties(leading, picture);
        var others = claimants.Ids.Where(id => id != agreed).Select(picture.CodeOf).ToList();
        return new Overlap(need, OverlapKind.SeveralLeads, claimants.Ids, claimants.Codes, leading, leadSpan!.Value, agreed,
            $"{Wording.List(claimants.Codes)} each hold the role of lead on {Wording.Need(need)}, {leadSpan}, although " +
            $"{picture.CodeOf(agreed)} is the agreed lead{(need.AgreedLeadOn is { } on ? $" (agreed {Wording.Date(on)})" : "")}; " +
            $"{Wording.List(others)} also {(others.Count == 1 ? "claims" : "claim")} it.");
    }

    /// <summary>
    /// The engagements that share time on the need with an engagement of another organization, and the span from the
    /// first to the last day on which two organizations are at work together (clipped to the need's period).
    /// </summary>
    private static (List<Engagement> Engaged, Period? Span) Concurrent(Need need, IReadOnlyList<Engagement> covering)
    {
        var engaged = new HashSet<Engagement>();
        DateOnly? from = null, to = null;
        var open = false;
        for (var i = 0; i < covering.Count; i++)
            for (var j = i + 1; j < covering.Count; j++)
            {
                var (a, b) = (covering[i], covering[j]);
                if (a.OrganizationId == b.OrganizationId || !a.Period.Overlaps(b.Period)) continue;
                if (Intersect(a.Period, b.Period) is not { } both || Intersect(both, need.Period) is not { } shared) continue;
                engaged.Add(a);
                engaged.Add(b);
                if (from is null || shared.Start < from) from = shared.Start;
                if (shared.End is null) open = true;
                else if (to is null || shared.End > to) to = shared.End;
            }
        if (from is null) return ([], null);
        return (covering.Where(engaged.Contains).ToList(), new Period(from.Value, open ? null : to));
    }

    internal static Period? Intersect(Period a, Period b)
    {
        var start = a.Start > b.Start ? a.Start : b.Start;
        DateOnly? end = a.End is null ? b.End : b.End is null ? a.End : a.End < b.End ? a.End : b.End;
        return end is null || end >= start ? new Period(start, end) : null;
    }

    private static (List<Guid> Ids, List<string> Codes) Parties(IEnumerable<Engagement> engagements, DivisionPicture picture)
    {
        var ids = engagements.Select(e => e.OrganizationId).Distinct().OrderBy(picture.CodeOf, StringComparer.Ordinal).ToList();
        return (ids, ids.Select(picture.CodeOf).ToList());
    }
}
