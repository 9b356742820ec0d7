using Interlock.Data;
using Interlock.EarlyWarning.Risk;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// Submitting and revising observations, the same for the pages, the API and CSV. Access is decided by the caller;
/// this keeps the history (a revision row per change, never an update of an earlier one), keeps the reported
/// indicator value current and asks the risk model to recompute the touched country-months, all in one transaction.
/// </summary>
public static class ObservationWriter
{
    public static Observation Create(Guid owner, ObservationSubject subject, ObservationContent content, DateTimeOffset at, string? user)
    {
        var o = new Observation
        {
            OwnerOrganizationId = owner, IndicatorCode = subject.IndicatorCode, CountryIso3 = subject.CountryIso3, Admin1 = subject.Admin1,
            Month = subject.Month, Source = content.Source, SourceReliability = content.SourceReliability,
            CreatedAt = at, CreatedBy = user,
        };
        Append(o, content, null, at, user);
        return o;
    }

    /// <summary>Adds a revision and makes it the current state. The earlier revisions stay as they were.</summary>
    public static ObservationRevision Revise(Observation o, ObservationContent content, string correction, DateTimeOffset at, string? user) =>
        Append(o, content, correction, at, user);

    private static ObservationRevision Append(Observation o, ObservationContent c, string? correction, DateTimeOffset at, string? user)
    {
        var revision = new ObservationRevision
        {
            ObservationId = o.Id, Number = o.Revision + 1, Value = c.Value, Source = c.Source, SourceReliability = c.SourceReliability,
            InformationCredibility = c.InformationCredibility, Note = c.Note, Classification = c.Classification, Correction = correction,
            RecordedAt = at, RecordedBy = user,
        };
        o.Revisions.Add(revision);
        o.Revision = revision.Number;
        o.Value = c.Value;
        o.Source = c.Source;
        o.SourceReliability = c.SourceReliability;
        o.InformationCredibility = c.InformationCredibility;
        o.Note = c.Note;
        o.Classification = c.Classification;
        o.RevisedAt = at;
        o.RevisedBy = user;
        return revision;
    }

    /// <summary>The observation of the same owner, indicator, place and month, if there is one: a second submission is a revision of it.</summary>
    public static Task<Observation?> FindSameAsync(InterlockDbContext db, Guid owner, ObservationSubject s, CancellationToken ct) =>
        db.Observations.FirstOrDefaultAsync(o => o.OwnerOrganizationId == owner && o.IndicatorCode == s.IndicatorCode &&
            o.CountryIso3 == s.CountryIso3 && o.Admin1 == s.Admin1 && o.Month == s.Month, ct);

    /// <summary>
    /// Saves the observations added or revised on <paramref name="db"/>, updates their indicator values and recomputes risk
    /// for their country-months, in one transaction (the caller's if it has one).
    /// </summary>
    public static async Task SaveAsync(InterlockDbContext db, IReadOnlyCollection<Observation> changed, IRiskRecomputer risk, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await ReportedIndicatorValues.UpsertAsync(db, changed, ct);
        await db.SaveChangesAsync(ct);
        var touched = changed.Select(o => (o.CountryIso3, o.Month)).Distinct().ToList();
        if (touched.Count > 0) await risk.RecomputeAsync(db, touched, ct);
        if (own is not null) await own.CommitAsync(ct);
    }
}
