using System.Globalization;
using System.Security.Cryptography;
using nietras.SeparatedValues;

namespace Interlock.Meetings.History;

/// <summary>
/// The real history of the partnership's meetings as the seed documents record it (data/history/*.csv, embedded).
/// Every row names its seed file and the paragraph it comes from; nothing in these files is inferred beyond them.
/// </summary>
public static class MeetingHistory
{
    public const string Meetings = "meetings.csv";
    public const string Participants = "participants.csv";
    public const string Agenda = "agenda.csv";
    public const string Documents = "documents.csv";
    public const string MeetingDocuments = "meeting_documents.csv";
    public const string Decisions = "decisions.csv";
    private static readonly string[] Files = [Meetings, Participants, Agenda, Documents, MeetingDocuments, Decisions];

    public sealed record MeetingRow(int Line, string Key, MeetingKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, MeetingDatePrecision Precision,
        string? Venue, string? Chair, string? Theme, string? Outcome, int? ReportedParticipants, int? ReportedHeads, string Seed, string Source);
    public sealed record ParticipantRow(int Line, string MeetingKey, string OrgCode, string NameInSeed, DelegationLevel Level, string? Delegate,
        string? Group, string? Note, string Seed, string Source);
    public sealed record AgendaRow(int Line, string MeetingKey, int Position, string Text, string Seed, string Source);
    public sealed record DocumentRow(int Line, string Key, string? Symbol, string Title, DateOnly? PublishedOn, string? Summary, string Seed, string Source);
    public sealed record MeetingDocumentRow(int Line, string MeetingKey, string DocumentKey, MeetingDocumentRole Role);
    public sealed record DecisionRow(int Line, string Key, string MeetingKey, string DocumentKey, string Reference, string Text, IReadOnlyList<string> Owners,
        DateOnly? DueOn, int? RecurrenceMonths, DecisionStatus Status, string? EvidenceDocumentKey, string? EvidenceNote, string Seed, string Source);

    public static Stream Open(string file) =>
        typeof(MeetingHistory).Assembly.GetManifestResourceStream("Interlock.History." + file)
        ?? throw new FileNotFoundException($"History file '{file}' is not embedded in {typeof(MeetingHistory).Assembly.GetName().Name}.");

    public static string Fingerprint()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            using var s = Open(file);
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            sha.AppendData(ms.ToArray());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static IReadOnlyList<MeetingRow> ReadMeetings() => Read(Meetings, (r, l) => new MeetingRow(l, Req(r, "key", l),
        Enum.Parse<MeetingKind>(Req(r, "kind", l)), Req(r, "title", l), Day(Req(r, "starts_on", l)), Day(Req(r, "ends_on", l)),
        Enum.Parse<MeetingDatePrecision>(Req(r, "precision", l)), Opt(r, "venue"), Opt(r, "chair"), Opt(r, "theme"), Opt(r, "outcome"),
        Int(Opt(r, "reported_participants")), Int(Opt(r, "reported_heads")), Req(r, "seed", l), Req(r, "source", l)));

    public static IReadOnlyList<ParticipantRow> ReadParticipants() => Read(Participants, (r, l) => new ParticipantRow(l, Req(r, "meeting_key", l),
        Req(r, "org_code", l), Req(r, "name_in_seed", l), Enum.Parse<DelegationLevel>(Req(r, "level", l)), Opt(r, "delegate"), Opt(r, "group"),
        Opt(r, "note"), Req(r, "seed", l), Req(r, "source", l)));

    public static IReadOnlyList<AgendaRow> ReadAgenda() => Read(Agenda, (r, l) => new AgendaRow(l, Req(r, "meeting_key", l),
        Int(Req(r, "position", l))!.Value, Req(r, "text", l), Req(r, "seed", l), Req(r, "source", l)));

    public static IReadOnlyList<DocumentRow> ReadDocuments() => Read(Documents, (r, l) => new DocumentRow(l, Req(r, "key", l), Opt(r, "symbol"),
        Req(r, "title", l), Opt(r, "published_on") is { } p ? Day(p) : null, Opt(r, "summary"), Req(r, "seed", l), Req(r, "source", l)));

    public static IReadOnlyList<MeetingDocumentRow> ReadMeetingDocuments() => Read(MeetingDocuments, (r, l) => new MeetingDocumentRow(l,
        Req(r, "meeting_key", l), Req(r, "document_key", l), Enum.Parse<MeetingDocumentRole>(Req(r, "role", l))));

    public static IReadOnlyList<DecisionRow> ReadDecisions() => Read(Decisions, (r, l) => new DecisionRow(l, Req(r, "key", l), Req(r, "meeting_key", l),
        Req(r, "document_key", l), Req(r, "reference", l), Req(r, "text", l), Req(r, "owners", l).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Opt(r, "due_on") is { } d ? Day(d) : null, Int(Opt(r, "recurrence_months")), Enum.Parse<DecisionStatus>(Req(r, "status", l)),
        Opt(r, "evidence_document_key"), Opt(r, "evidence_note"), Req(r, "seed", l), Req(r, "source", l)));

    private static List<T> Read<T>(string file, Func<SepReader.Row, int, T> map)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(Open(file));
        var result = new List<T>();
        foreach (var row in reader)
        {
            try { result.Add(map(row, row.LineNumberFrom)); }
            catch (Exception ex) { throw new FormatException($"data/history/{file} line {row.LineNumberFrom}: {ex.Message}", ex); }
        }
        return result;
    }

    private static string? Opt(SepReader.Row r, string column) => r[column].ToString() is { Length: > 0 } v ? v.Trim() : null;

    private static string Req(SepReader.Row r, string column, int line) =>
        Opt(r, column) ?? throw new FormatException($"column {column}: a value is required.");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int? Int(string? text) => text is null ? null : int.Parse(text, CultureInfo.InvariantCulture);
}
