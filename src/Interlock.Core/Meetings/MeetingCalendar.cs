using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Interlock.Meetings;

/// <summary>
/// Meetings as an iCalendar (RFC 5545) feed, written with Ical.Net. Each meeting keeps its UID for ever
/// (its id), so a subscribed calendar updates the event rather than adding a copy; SEQUENCE is the record's
/// version and LAST-MODIFIED/DTSTAMP its last change, so clients see which revision is newer.
/// Meetings are all-day events (the records give days, not hours).
/// </summary>
public static class MeetingCalendar
{
    public const string ProductId = "-//Interlock//Meetings//EN";
    public const string ContentType = "text/calendar; charset=utf-8";

    public sealed record Participant(string Code, string Name, DelegationLevel Level, string? Delegate);

    public sealed record Entry(Guid Id, string Title, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn, MeetingDatePrecision Precision,
        string? Venue, string? Chair, string? Theme, string? Outcome, long Version, DateTimeOffset UpdatedAt,
        IReadOnlyList<Participant> Participants, IReadOnlyList<string> Agenda, IReadOnlyList<string> Documents, Uri Page);

    public static string UidOf(Guid meetingId) => $"{meetingId:D}@interlock";

    public static string Write(string name, IEnumerable<Entry> entries)
    {
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("METHOD", "PUBLISH");
        foreach (var e in entries) calendar.Events.Add(ToEvent(e));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent ToEvent(Entry e)
    {
        // DTEND of an all-day event is exclusive; a month-precision meeting spans its whole month.
        var (start, endExclusive) = e.Precision == MeetingDatePrecision.Month
            ? (new DateOnly(e.StartsOn.Year, e.StartsOn.Month, 1), new DateOnly(e.StartsOn.Year, e.StartsOn.Month, 1).AddMonths(1))
            : (e.StartsOn, e.EndsOn.AddDays(1));
        var modified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC");
        var ev = new CalendarEvent
        {
            Uid = UidOf(e.Id),
            Summary = e.Title,
            Description = Describe(e),
            Location = e.Venue,
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(endExclusive),
            Sequence = (int)Math.Min(e.Version, int.MaxValue),
            LastModified = modified,
            DtStamp = modified,
            Url = e.Page,
            Status = EventStatus.Confirmed,
            Transparency = TransparencyType.Transparent,
        };
        ev.Categories.Add(e.Kind.ToString());
        ev.AddProperty("X-INTERLOCK-KIND", e.Kind.ToString());
        ev.AddProperty("X-INTERLOCK-DATE-PRECISION", e.Precision.ToString().ToUpperInvariant());
        if (e.Chair is not null) ev.AddProperty("X-INTERLOCK-CHAIR", e.Chair);
        // Participants as X- properties, not ATTENDEE: an ATTENDEE is a calendar address (mailto: in practice) that clients
        // would send invitations to, and organizations have none. The code is the value; name and level are parameters.
        foreach (var p in e.Participants)
        {
            var property = new CalendarProperty("X-INTERLOCK-PARTICIPANT", p.Code);
            property.Parameters.Add("CN", p.Name);
            property.Parameters.Add("X-LEVEL", p.Level.ToString());
            ev.Properties.Add(property);
        }
        return ev;
    }

    /// <summary>Everything a person reads in their calendar, in plain text.</summary>
    private static string Describe(Entry e)
    {
        var b = new StringBuilder();
        if (e.Precision == MeetingDatePrecision.Month) b.AppendLine($"Held in {e.StartsOn:MMMM yyyy}; the exact days are not recorded.");
        if (e.Chair is not null) b.AppendLine($"Chair: {e.Chair}");
        if (e.Theme is not null) b.AppendLine($"Theme: {e.Theme}");
        if (e.Participants.Count > 0)
            b.AppendLine($"Participants ({e.Participants.Count}): {string.Join(", ", e.Participants.Select(p => p.Code))}");
        if (e.Agenda.Count > 0)
        {
            b.AppendLine("Agenda:");
            for (var i = 0; i < e.Agenda.Count; i++) b.AppendLine($"{i + 1}. {e.Agenda[i]}");
        }
        if (e.Documents.Count > 0) b.AppendLine($"Documents: {string.Join("; ", e.Documents)}");
        if (e.Outcome is not null) b.AppendLine($"Outcome: {e.Outcome}");
        b.Append(e.Page);
        return b.ToString();
    }
}
