using Interlock.Data;
using Interlock.Meetings;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>What a write on a decision came to; the API and the pages each turn it into their own answer.</summary>
public abstract record ActionResult<T>
{
    public sealed record Done(T Value) : ActionResult<T>;
    public sealed record NotFound : ActionResult<T>;
    public sealed record Forbidden(string Reason) : ActionResult<T>;
    /// <summary>The record changed since the caller read it (If-Match or the form's version).</summary>
    public sealed record Stale : ActionResult<T>;
    public sealed record Invalid(ValidationErrors Errors) : ActionResult<T>;
}

/// <summary>Status changes and evidence, shared by the API and the decision page so both apply the same rules.</summary>
public static class DecisionActions
{
    public static async Task<ActionResult<Decision>> ChangeStatusAsync(InterlockDbContext db, AccessService access, Guid id, long? expectedVersion,
        StatusWrite body, CancellationToken ct = default)
    {
        var d = await MeetingQueries.ReadableDecisionAsync(db, access, id, track: true, ct);
        if (d is null) return new ActionResult<Decision>.NotFound();
        var decision = access.DecideWrite(RecordLabel.Of(d));
        if (!decision.Allowed) return new ActionResult<Decision>.Forbidden(decision.Reason);
        if (expectedVersion is { } v && v != d.Version) return new ActionResult<Decision>.Stale();

        var errors = new ValidationErrors();
        var evidence = body.Evidence is { } e && (e.DocumentId is not null || !string.IsNullOrWhiteSpace(e.Url) || !string.IsNullOrWhiteSpace(e.Note))
            ? await NewEvidenceAsync(db, access, d, e, errors, "evidence", ct) : null;
        if (body.SupersededBy is { } other && await MeetingQueries.ReadableDecisionAsync(db, access, other, ct: ct) is null)
            errors.Add("supersededBy", "No decision with this id is available to you.");
        if (!errors.IsEmpty) return new ActionResult<Decision>.Invalid(errors);

        var request = new DecisionWorkflow.Request(body.Status, access.Subject.UserId, access.Subject.UserName, body.Note,
            HasEvidence: d.Evidence.Count > 0 || evidence is not null, body.SupersededBy);
        // The new evidence and history rows are tracked as added before the decision itself is marked changed.
        errors = DecisionWorkflow.Check(d, request);
        if (!errors.IsEmpty) return new ActionResult<Decision>.Invalid(errors);
        var now = db.Time.GetUtcNow();
        if (evidence is not null) db.Add(evidence);
        DecisionWorkflow.Apply(d, request, now);
        db.Add(d.History[^1]);
        db.Entry(d).Property(x => x.Version).OriginalValue = d.Version;
        await db.SaveChangesAsync(ct);
        return new ActionResult<Decision>.Done(d);
    }

    public static async Task<ActionResult<Decision>> AddEvidenceAsync(InterlockDbContext db, AccessService access, Guid id, long? expectedVersion,
        EvidenceWrite body, CancellationToken ct = default)
    {
        var d = await MeetingQueries.ReadableDecisionAsync(db, access, id, track: true, ct);
        if (d is null) return new ActionResult<Decision>.NotFound();
        var decision = access.DecideWrite(RecordLabel.Of(d));
        if (!decision.Allowed) return new ActionResult<Decision>.Forbidden(decision.Reason);
        if (expectedVersion is { } v && v != d.Version) return new ActionResult<Decision>.Stale();
        var errors = new ValidationErrors();
        var evidence = await NewEvidenceAsync(db, access, d, body, errors, "", ct);
        if (evidence is null) return new ActionResult<Decision>.Invalid(errors);
        db.Add(evidence);
        d.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new ActionResult<Decision>.Done(d);
    }

    /// <summary>Checks and builds one piece of evidence; null (with errors) when it is not valid.</summary>
    private static async Task<DecisionEvidence?> NewEvidenceAsync(InterlockDbContext db, AccessService access, Decision d, EvidenceWrite e,
        ValidationErrors errors, string prefix, CancellationToken ct)
    {
        string F(string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
        var url = string.IsNullOrWhiteSpace(e.Url) ? null : e.Url.Trim();
        var note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim();
        if (e.DocumentId is null && url is null && note is null)
            errors.Add(F("documentId"), "Give a document, a link or a note.");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            errors.Add(F("url"), "Must be an absolute http or https address.");
        if (url is { Length: > 1000 }) errors.Add(F("url"), "At most 1000 characters.");
        if (note is { Length: > 2000 }) errors.Add(F("note"), "At most 2000 characters.");
        if (e.DocumentId is { } docId)
        {
            var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == docId, ct);
            if (doc is null || !await access.CanReadAsync(doc, ct)) errors.Add(F("documentId"), "No document with this id is available to you.");
        }
        if (!errors.IsEmpty) return null;
        return new DecisionEvidence
        {
            DecisionId = d.Id, DocumentId = e.DocumentId, Url = url, Note = note, AddedAt = db.Time.GetUtcNow(),
            AddedBy = access.Subject.UserName,
        };
    }
}
