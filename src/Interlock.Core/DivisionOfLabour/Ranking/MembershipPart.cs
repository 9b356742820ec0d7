using Interlock.Shared;

namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (c) Subsidiarity: the need's country is a member of the organization on the day the need starts. An organization
/// whose members include the state concerned is closer to it and, under Art. 52(2) of the Charter, the first place to
/// seek a settlement of a local dispute. 1 or 0.
/// </summary>
public static class MembershipPart
{
    public static PartValue Evaluate(NeedContext n, CandidateFacts f)
    {
        var on = n.Need.StartOn;
        var day = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var current = f.Memberships.Where(m => m.IsCurrent(on)).OrderBy(m => m.Joined).FirstOrDefault();
        if (current is not null)
            return new(1, $"{n.CountryName} is a member since {PartialDate.Format(current.Joined, current.JoinedPrecision)} (on {day}, when the need starts): 1.00");
        var past = f.Memberships.Where(m => m.Left is { } left && left <= on).OrderByDescending(m => m.Left).FirstOrDefault();
        if (past is not null)
            return new(0, $"{n.CountryName} left on {PartialDate.Format(past.Left!.Value, past.LeftPrecision)}, before the need starts on {day}: 0.00");
        var later = f.Memberships.Where(m => m.Joined > on).OrderBy(m => m.Joined).FirstOrDefault();
        if (later is not null)
            return new(0, $"{n.CountryName} joins only on {PartialDate.Format(later.Joined, later.JoinedPrecision)}, after the need starts on {day}: 0.00");
        return new(0, $"{n.CountryName} is not a member: 0.00");
    }
}
