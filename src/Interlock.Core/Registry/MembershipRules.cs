using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>Checks a membership period before it is recorded: dates that parse, a known state, no overlap.</summary>
public static class MembershipRules
{
    /// <summary>
    /// Parses "YYYY" or "YYYY-MM-DD" dates (a join date may be "", not known) into <paramref name="target"/> and validates it against the organization's
    /// other periods (<paramref name="others"/> may include <paramref name="target"/> itself; it is skipped).
    /// </summary>
    public static ValidationErrors Apply(Membership target, string? iso3, bool countryKnown, string? joined, string? left, string? note,
        IEnumerable<Membership> others)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(iso3) || !countryKnown)
            errors.Add("iso3", $"'{iso3}' is not an ISO 3166 alpha-3 code of a known state.");
        // "" is a join date not known (as the registry shows it); null is a date not given.
        var j = DateOnly.MinValue;
        var jp = DatePrecision.Unknown;
        if (joined is null || (joined.Length > 0 && !PartialDate.TryParse(joined, endOfPeriod: false, out j, out jp)))
            errors.Add("joined", "The date the state joined is required, as YYYY or YYYY-MM-DD (\"\" when not known).");
        DateOnly? l = null;
        var lp = DatePrecision.Day;
        if (!string.IsNullOrWhiteSpace(left))
        {
            if (PartialDate.TryParse(left, endOfPeriod: true, out var parsed, out lp)) l = parsed;
            else errors.Add("left", "The date the state left is YYYY or YYYY-MM-DD, or empty while it is a member.");
        }
        if (!errors.IsEmpty) return errors;
        // Periods are half-open: the day a state leaves is its first day outside.
        if (l is { } end && end <= j)
            return errors.Add("left", "A state leaves after the day it joined.");

        target.CountryIso3 = iso3!.Trim().ToUpperInvariant();
        target.Joined = j;
        target.JoinedPrecision = jp;
        target.Left = l;
        target.LeftPrecision = l is null ? DatePrecision.Day : lp;
        target.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();

        var clash = others.FirstOrDefault(o => o.Id != target.Id && target.Overlaps(o));
        if (clash is not null)
            errors.Add("joined", $"{target.CountryIso3} is already a member from {(clash.JoinedPrecision == DatePrecision.Unknown ? "an unknown date" : PartialDate.Format(clash.Joined, clash.JoinedPrecision))}" +
                                 (clash.Left is { } cl ? $" to {PartialDate.Format(cl, clash.LeftPrecision)}" : " with no end") +
                                 ": periods of the same state may not overlap.");
        return errors;
    }
}
