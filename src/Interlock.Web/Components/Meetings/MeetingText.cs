using System.Globalization;
using Interlock.Meetings;
using Microsoft.Extensions.Localization;

namespace Interlock.Web.Components.Meetings;

/// <summary>How the meeting pages word kinds, statuses, levels and dates, translated (keys "MeetingKind.HighLevel" etc.).</summary>
public static class MeetingText
{
    public static string Kind(IStringLocalizer l, MeetingKind k) => l["MeetingKind." + k];

    public static string Status(IStringLocalizer l, DecisionStatus s) => l["DecisionStatus." + s];

    public static string Level(IStringLocalizer l, DelegationLevel d) => l["DelegationLevel." + d];

    public static string Bucket(IStringLocalizer l, ImplementationReport.Bucket b) => l["Bucket." + b];

    /// <summary>"2001-02-06 – 2001-02-07", "1994-08-01", or "July 2003" when only the month is known.</summary>
    public static string Dates(Meeting m)
    {
        if (m.DatePrecision == MeetingDatePrecision.Month)
            return CultureInfo.CurrentCulture.TextInfo.ToTitleCase(m.StartsOn.ToString("MMMM yyyy", CultureInfo.CurrentCulture));
        var start = m.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return m.EndsOn == m.StartsOn ? start : $"{start} – {m.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Colours of the status badges; the word is always shown too.</summary>
    public static string StatusStyle(DecisionStatus s) => s switch
    {
        DecisionStatus.Implemented => "background:#e6f4ea;color:#14532d;border-color:#8cc7a0",
        DecisionStatus.InProgress => "background:#e3eefa;color:#0b3d6e;border-color:#8fb5dc",
        DecisionStatus.Lapsed => "background:#efe6e2;color:#4e342e;border-color:#bca79e",
        DecisionStatus.Superseded => "background:#f3e5f5;color:#4a148c;border-color:#ce93d8",
        DecisionStatus.Unknown => "background:#eeeeee;color:#333333;border-color:#999999",
        _ => "background:#fff8e1;color:#5d4200;border-color:#e0c060",
    };
}
