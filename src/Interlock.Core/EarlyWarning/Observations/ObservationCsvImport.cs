using Interlock.Data;
using Interlock.EarlyWarning.Risk;
using Interlock.Registry.Exchange;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// Imports a CSV file of observations for one organization, all or nothing: every row is checked first and any
/// rejected row rejects the file, with each problem by line and column. A row with an <c>id</c> revises that
/// observation; a row without one revises the organization's observation of the same indicator, place and month or
/// creates one. A row equal to the current revision changes nothing, so re-importing an export is a no-op.
/// </summary>
public static class ObservationCsvImport
{
    /// <summary>The shared exchange result; <see cref="ExchangeResult.Updated"/> counts the observations revised.</summary>
    public static async Task<ExchangeResult> ImportAsync(InterlockDbContext db, Stream file, Guid owner, string? user, DateOnly today,
        IRiskRecomputer risk, CancellationToken ct)
    {
        var read = await ObservationCsv.ReadAsync(file, today, ct);
        var rejections = read.Rejections;
        var targets = new List<(ObservationCsv.Row Row, Observation? Existing)>();
        foreach (var row in read.Rows)
        {
            Observation? existing;
            if (row.Id is { } id)
            {
                existing = await db.Observations.FirstOrDefaultAsync(o => o.Id == id, ct);
                // Another organization's observation looks exactly like a missing one: no existence leak.
                if (existing is null || existing.OwnerOrganizationId != owner)
                {
                    rejections.Add(new ExchangeRejection(row.Line, read.NameOf(ObservationCsv.Id), "no observation of your organization has this id."));
                    continue;
                }
                if (new ObservationSubject(existing.IndicatorCode, existing.CountryIso3, existing.Admin1, existing.Month) != row.Subject)
                {
                    rejections.Add(new ExchangeRejection(row.Line, read.NameOf(ObservationCsv.Id),
                        "the indicator, place and month of an observation cannot change; submit a new observation instead."));
                    continue;
                }
            }
            else existing = await ObservationWriter.FindSameAsync(db, owner, row.Subject, ct);
            targets.Add((row, existing));
        }
        if (rejections.Count > 0)
            return ExchangeResult.Rejected(read.Rows.Count + rejections.Select(r => r.Line).Distinct().Count(), rejections.OrderBy(r => r.Line).ToList());

        int created = 0, revised = 0, unchanged = 0;
        var changed = new List<Observation>();
        var now = db.Time.GetUtcNow();
        foreach (var (row, existing) in targets)
        {
            if (existing is null)
            {
                var o = ObservationWriter.Create(owner, row.Subject, row.Content, now, user);
                db.Observations.Add(o);
                changed.Add(o);
                created++;
            }
            else if (row.Content.SameAs(existing)) unchanged++;
            else
            {
                var revision = ObservationWriter.Revise(existing, row.Content, row.Correction ?? $"Corrected by a CSV import (line {row.Line}).", now, user);
                db.Add(revision);
                changed.Add(existing);
                revised++;
            }
        }
        if (changed.Count > 0) await ObservationWriter.SaveAsync(db, changed, risk, ct);
        return new ExchangeResult(read.Rows.Count, created, revised, unchanged, []);
    }
}
