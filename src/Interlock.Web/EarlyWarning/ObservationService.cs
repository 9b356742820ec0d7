using Interlock.Data;
using Interlock.EarlyWarning.Observations;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>Submitting and revising observations under the access policy, for the pages and the API alike.</summary>
public sealed class ObservationService(InterlockDbContext db, AccessService access, IRiskRecomputer risk)
{
    public sealed record Submission(string? Indicator, string? Country, string? Admin1, DateOnly? Month, double? Value, string? Source,
        string? SourceReliability, int? InformationCredibility, string? Note, Classification Classification);

    public sealed record Correction(double? Value, string? Source, string? SourceReliability, int? InformationCredibility, string? Note,
        Classification Classification, string? Reason);

    public async Task<WriteOutcome<Observation>> SubmitAsync(Submission s, CancellationToken ct)
    {
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.Observation, owner, s.Classification))
            return WriteOutcome<Observation>.Denied("Your role cannot submit observations.");
        var country = s.Country?.Trim().ToUpperInvariant();
        var admin1 = ObservationRules.Clean(s.Admin1);
        var reliability = s.SourceReliability?.Trim().ToUpperInvariant();
        var errors = ObservationRules.ValidateSubject(s.Indicator?.Trim(), country, admin1, s.Month, access.Today);
        ObservationRules.ValidateContent(s.Value, s.Source, reliability, s.InformationCredibility, s.Note, errors: errors);
        errors.Require(Enum.IsDefined(s.Classification), "classification", "Choose a classification.");
        if (!errors.IsEmpty) return WriteOutcome<Observation>.Invalid(errors);

        var subject = new ObservationSubject(s.Indicator!.Trim(), country!, admin1, CountryMonthOf(s.Month!.Value));
        if (await ObservationWriter.FindSameAsync(db, owner, subject, ct) is { } existing)
            return new WriteOutcome<Observation>(null, Duplicate: existing.Id);
        var content = new ObservationContent(s.Value!.Value, s.Source!.Trim(), reliability!, s.InformationCredibility!.Value,
            ObservationRules.Clean(s.Note), s.Classification);
        var o = ObservationWriter.Create(owner, subject, content, db.Time.GetUtcNow(), access.Subject.UserName);
        db.Observations.Add(o);
        await ObservationWriter.SaveAsync(db, [o], risk, ct);
        return WriteOutcome<Observation>.Ok(o);
    }

    /// <param name="expectedVersion">The version the client read (If-Match or the form's hidden field): a later change refuses the revision.</param>
    public async Task<WriteOutcome<Observation>> ReviseAsync(Guid id, long expectedVersion, Correction c, CancellationToken ct)
    {
        var o = await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !await access.CanReadAsync(o, ct)) return WriteOutcome<Observation>.Missing;
        var decision = access.DecideWrite(RecordLabel.Of(o));
        if (!decision.Allowed) return WriteOutcome<Observation>.Denied(decision.Reason);
        if (o.Version != expectedVersion) return WriteOutcome<Observation>.Changed;

        var reliability = c.SourceReliability?.Trim().ToUpperInvariant();
        var errors = ObservationRules.ValidateContent(c.Value, c.Source, reliability, c.InformationCredibility, c.Note, c.Reason, isRevision: true);
        errors.Require(Enum.IsDefined(c.Classification), "classification", "Choose a classification.");
        if (!errors.IsEmpty) return WriteOutcome<Observation>.Invalid(errors);
        var content = new ObservationContent(c.Value!.Value, c.Source!.Trim(), reliability!, c.InformationCredibility!.Value,
            ObservationRules.Clean(c.Note), c.Classification);
        if (content.SameAs(o))
            return WriteOutcome<Observation>.Invalid(new ValidationErrors().Add("value", "The revision changes nothing of the current one."));

        var revision = ObservationWriter.Revise(o, content, c.Reason!.Trim(), db.Time.GetUtcNow(), access.Subject.UserName);
        db.Add(revision);
        // Another request may have revised it between the read above and this save: the version decides.
        db.Entry(o).Property(x => x.Version).OriginalValue = expectedVersion;
        await ObservationWriter.SaveAsync(db, [o], risk, ct);
        return WriteOutcome<Observation>.Ok(o);
    }

    /// <summary>The revisions of an observation the subject may see, oldest first: an earlier, more restricted state stays hidden.</summary>
    public async Task<List<ObservationRevision>> VisibleRevisionsAsync(Observation o, CancellationToken ct)
    {
        var all = await db.ObservationRevisions.AsNoTracking().Where(r => r.ObservationId == o.Id).OrderBy(r => r.Number).ToListAsync(ct);
        var grants = await access.GrantsAsync(ct);
        return all.Where(r => AccessPolicy.CanRead(access.Subject, new RecordLabel(o.OwnerOrganizationId, r.Classification, Categories.Observation), grants))
            .ToList();
    }

    private static DateOnly CountryMonthOf(DateOnly d) => Interlock.EarlyWarning.CountryMonth.MonthOf(d);
}
