using Interlock.Data;
using Interlock.Knowledge;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Meetings.History;

/// <summary>
/// Loads the history (data/history) into a database, idempotently: runs only when the files changed, adds what is
/// missing and refreshes seeded records nobody has edited since (Version 0). The records are public and kept by the
/// United Nations, whose Secretary-General convened and chaired the meetings.
/// </summary>
public static class MeetingHistorySeeder
{
    public const string VersionName = "meetings-history";
    public const string KeeperCode = "UN";
    /// <summary>Owner tokens in decisions.csv: every participant of the meeting, or those listed as regional organizations.</summary>
    public const string AllParticipants = "@all", RegionalParticipants = "@regional";
    public const string RegionalGroup = "Regional organizations";

    public sealed record Result(bool Skipped, int MeetingsAdded, int DocumentsAdded, int DecisionsAdded);

    public static async Task<Result> SeedAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var fingerprint = MeetingHistory.Fingerprint();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7316031)", ct);
        var applied = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == VersionName, ct);
        if (applied?.Sha256 == fingerprint) return new Result(true, 0, 0, 0);

        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
        var keeper = orgs[KeeperCode];
        var now = db.Time.GetUtcNow();
        var (documents, docsAdded) = await SeedDocumentsAsync(db, keeper, now, ct);
        var (meetings, meetingsAdded) = await SeedMeetingsAsync(db, keeper, orgs, documents, now, ct);
        var decisionsAdded = await SeedDecisionsAsync(db, keeper, orgs, documents, meetings, now, ct);

        if (applied is null) db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = VersionName, Sha256 = fingerprint, AppliedAt = now });
        else { applied.Sha256 = fingerprint; applied.AppliedAt = now; }
        db.AuditNextSaveAsBatch("MeetingHistory", "data/history",
            $"{{\"meetings\":{meetingsAdded},\"documents\":{docsAdded},\"decisions\":{decisionsAdded}}}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Occurrences of the recurring commitments (2005 §7 "annual") up to today.
        await MeetingsMaintenance.AddOccurrencesAsync(db, DateOnly.FromDateTime(now.UtcDateTime), ct);
        return new Result(false, meetingsAdded, docsAdded, decisionsAdded);
    }

    private static async Task<(Dictionary<string, Document>, int)> SeedDocumentsAsync(InterlockDbContext db, Guid keeper, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Documents.Where(d => d.OwnerOrganizationId == keeper).ToListAsync(ct);
        var byKey = new Dictionary<string, Document>(StringComparer.Ordinal);
        var added = 0;
        foreach (var row in MeetingHistory.ReadDocuments())
        {
            var doc = existing.FirstOrDefault(d => d.Title == row.Title);
            if (doc is null)
            {
                doc = new Document { OwnerOrganizationId = keeper, Classification = Classification.Public, Title = row.Title, CreatedAt = now };
                db.Documents.Add(doc);
                added++;
            }
            else if (doc.Version != 0) { byKey[row.Key] = doc; continue; }
            doc.Symbol = row.Symbol;
            doc.PublishedOn = row.PublishedOn;
            doc.Summary = $"{row.Summary} [Seed {row.Seed}, {row.Source}]";
            doc.UpdatedAt = now;
            byKey[row.Key] = doc;
        }
        return (byKey, added);
    }

    private static async Task<(Dictionary<string, Meeting>, int)> SeedMeetingsAsync(InterlockDbContext db, Guid keeper, Dictionary<string, Guid> orgs,
        Dictionary<string, Document> documents, DateTimeOffset now, CancellationToken ct)
    {
        // Three collections: one query each (a single join would multiply their rows, and EF warns on every seed).
        var existing = await db.Meetings.Include(m => m.Participants).Include(m => m.Agenda).Include(m => m.Documents).AsSplitQuery()
            .Where(m => m.Key != null).ToDictionaryAsync(m => m.Key!, StringComparer.Ordinal, ct);
        var participants = MeetingHistory.ReadParticipants().ToLookup(p => p.MeetingKey);
        var agenda = MeetingHistory.ReadAgenda().ToLookup(a => a.MeetingKey);
        var links = MeetingHistory.ReadMeetingDocuments().ToLookup(l => l.MeetingKey);
        var added = 0;
        foreach (var row in MeetingHistory.ReadMeetings())
        {
            if (!existing.TryGetValue(row.Key, out var m))
            {
                m = new Meeting { Key = row.Key, Title = row.Title, OwnerOrganizationId = keeper, Classification = Classification.Public, CreatedAt = now };
                db.Meetings.Add(m);
                existing[row.Key] = m;
                added++;
            }
            else if (m.Version != 0) continue; // edited in Interlock: the edit wins
            m.Kind = row.Kind; m.Title = row.Title; m.StartsOn = row.StartsOn; m.EndsOn = row.EndsOn; m.DatePrecision = row.Precision;
            m.Venue = row.Venue; m.Chair = row.Chair; m.Theme = row.Theme; m.Outcome = row.Outcome;
            m.ReportedParticipantCount = row.ReportedParticipants; m.ReportedHeadsCount = row.ReportedHeads;
            m.Source = $"Seed {row.Seed}: {row.Source}"; m.UpdatedAt = now;
            m.Participants.Clear();
            foreach (var p in participants[row.Key])
                m.Participants.Add(new MeetingParticipant
                {
                    MeetingId = m.Id, OrganizationId = Org(orgs, p.OrgCode, MeetingHistory.Participants, p.Line), Level = p.Level,
                    Delegate = p.Delegate, Group = p.Group, Note = p.Note, Source = $"Seed {p.Seed}: {p.Source}",
                });
            m.Agenda.Clear();
            foreach (var a in agenda[row.Key].OrderBy(a => a.Position))
                m.Agenda.Add(new AgendaItem { MeetingId = m.Id, Position = a.Position, Text = a.Text, Source = $"Seed {a.Seed}: {a.Source}" });
            m.Documents.Clear();
            foreach (var l in links[row.Key])
                m.Documents.Add(new MeetingDocument { MeetingId = m.Id, DocumentId = Doc(documents, l.DocumentKey, MeetingHistory.MeetingDocuments, l.Line).Id, Role = l.Role });
        }
        return (existing, added);
    }

    private static async Task<int> SeedDecisionsAsync(InterlockDbContext db, Guid keeper, Dictionary<string, Guid> orgs, Dictionary<string, Document> documents,
        Dictionary<string, Meeting> meetings, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await db.Decisions.Include(d => d.Owners).Where(d => d.Key != null && d.ParentId == null)
            .ToDictionaryAsync(d => d.Key!, StringComparer.Ordinal, ct);
        var added = 0;
        foreach (var row in MeetingHistory.ReadDecisions())
        {
            if (!meetings.TryGetValue(row.MeetingKey, out var meeting))
                throw new FormatException($"data/history/{MeetingHistory.Decisions} line {row.Line}, column meeting_key: no meeting '{row.MeetingKey}'.");
            var source = Doc(documents, row.DocumentKey, MeetingHistory.Decisions, row.Line);
            if (!existing.TryGetValue(row.Key, out var d))
            {
                d = new Decision { Key = row.Key, Text = row.Text, OwnerOrganizationId = keeper, Classification = Classification.Public, CreatedAt = now };
                db.Decisions.Add(d);
                added++;
                ApplySeededStatus(d, row, documents, now);
            }
            else if (d.Version != 0) continue;
            d.MeetingId = meeting.Id; d.Text = row.Text; d.Reference = row.Reference; d.DueOn = row.DueOn; d.RecurrenceMonths = row.RecurrenceMonths;
            d.SourceDocumentId = source.Id; d.Source = $"Seed {row.Seed}: {row.Source}"; d.UpdatedAt = now;
            var owners = OwnersOf(row, meeting, orgs);
            d.Owners.RemoveAll(o => !owners.Contains(o.OrganizationId));
            foreach (var o in owners.Where(o => d.Owners.All(x => x.OrganizationId != o)))
                d.Owners.Add(new DecisionOwner { DecisionId = d.Id, OrganizationId = o });
        }
        return added;
    }

    /// <summary>A status the seeds themselves establish is recorded as a change, with the seed as its evidence.</summary>
    private static void ApplySeededStatus(Decision d, MeetingHistory.DecisionRow row, Dictionary<string, Document> documents, DateTimeOffset now)
    {
        d.Status = DecisionStatus.Unknown;
        if (row.Status == DecisionStatus.Unknown) return;
        var evidence = row.EvidenceDocumentKey is { } k ? Doc(documents, k, MeetingHistory.Decisions, row.Line) : null;
        d.Evidence.Add(new DecisionEvidence { DecisionId = d.Id, DocumentId = evidence?.Id, Note = row.EvidenceNote, AddedAt = now, AddedBy = "Interlock history (data/history)" });
        var errors = DecisionWorkflow.Apply(d, new DecisionWorkflow.Request(row.Status, null, "Interlock history (data/history)",
            $"From the seeds: {row.EvidenceNote}", HasEvidence: true), now);
        if (!errors.IsEmpty) throw new FormatException($"data/history/{MeetingHistory.Decisions} line {row.Line}, column status: {errors}");
    }

    private static HashSet<Guid> OwnersOf(MeetingHistory.DecisionRow row, Meeting meeting, Dictionary<string, Guid> orgs)
    {
        var result = new HashSet<Guid>();
        foreach (var token in row.Owners)
        {
            if (token == AllParticipants) result.UnionWith(meeting.Participants.Select(p => p.OrganizationId));
            else if (token == RegionalParticipants) result.UnionWith(meeting.Participants.Where(p => p.Group == RegionalGroup).Select(p => p.OrganizationId));
            else result.Add(Org(orgs, token, MeetingHistory.Decisions, row.Line));
        }
        return result;
    }

    private static Guid Org(Dictionary<string, Guid> orgs, string code, string file, int line) =>
        orgs.TryGetValue(code, out var id) ? id
            : throw new FormatException($"data/history/{file} line {line}: no organization has code '{code}' (add it to data/reference/organizations.csv).");

    private static Document Doc(Dictionary<string, Document> documents, string key, string file, int line) =>
        documents.TryGetValue(key, out var d) ? d : throw new FormatException($"data/history/{file} line {line}: no document '{key}' in documents.csv.");
}
