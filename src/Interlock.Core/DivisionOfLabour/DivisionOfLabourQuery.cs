using System.Linq.Expressions;
using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>The filters of the country and global views. Area means the area or any area below it in the taxonomy.</summary>
public sealed record DivisionFilter(Guid? OrganizationId = null, string? AreaCode = null, CooperationForm? Form = null, EngagementStatus? Status = null)
{
    public static readonly DivisionFilter None = new();
}

/// <summary>
/// Loads the <see cref="DivisionPicture"/> of a situation, a country or everything, under the access policy: every
/// record goes through <see cref="AccessPolicy.ReadFilter{T}"/> in the database, so what the reader may not read is
/// simply absent and the rules never see it. The rules then speak only of what the reader sees: an overlap with an
/// engagement the reader may not read is, for that reader, no overlap (the owner and its sharing partners see it).
/// </summary>
public static class DivisionOfLabourQuery
{
    /// <summary>
    /// A situation's needs, the engagements linked to it or (with no situation of their own) in its country, its
    /// transition plans and its cooperation record; null when there is no such situation or the reader may not read it.
    /// </summary>
    public static async Task<DivisionPicture?> ForSituationAsync(InterlockDbContext db, Guid situationId, Subject subject,
        IReadOnlyList<SharingGrant> grants, CancellationToken ct)
    {
        var situation = await db.Situations.AsNoTracking().Where(AccessPolicy.ReadFilter<Situation>(subject, grants))
            .FirstOrDefaultAsync(s => s.Id == situationId, ct);
        if (situation is null) return null;
        var iso3 = situation.CountryIso3;
        return await LoadAsync(db, subject, grants,
            n => n.SituationId == situationId,
            e => e.SituationId == situationId || (e.SituationId == null && e.CountryIso3 == iso3),
            t => t.SituationId == situationId,
            c => c.SituationId == situationId || (c.SituationId == null && c.CountryIso3 == iso3),
            DivisionFilter.None, ct);
    }

    /// <summary>Everything recorded for one country (needs and engagements there, transitions and cooperation of its situations).</summary>
    public static Task<DivisionPicture> ForCountryAsync(InterlockDbContext db, string iso3, Subject subject, IReadOnlyList<SharingGrant> grants,
        DivisionFilter filter, CancellationToken ct)
    {
        iso3 = iso3.Trim().ToUpperInvariant();
        var situations = db.Situations.Where(s => s.CountryIso3 == iso3).Select(s => s.Id);
        return LoadAsync(db, subject, grants,
            n => n.CountryIso3 == iso3,
            e => e.CountryIso3 == iso3,
            t => situations.Contains(t.SituationId),
            c => c.CountryIso3 == iso3 || (c.SituationId != null && situations.Contains(c.SituationId.Value)),
            filter, ct);
    }

    public static Task<DivisionPicture> GlobalAsync(InterlockDbContext db, Subject subject, IReadOnlyList<SharingGrant> grants,
        DivisionFilter filter, CancellationToken ct) =>
        LoadAsync(db, subject, grants, _ => true, _ => true, _ => true, _ => true, filter, ct);

    /// <summary>The coverage rule over the taxonomy as the database holds it.</summary>
    public static async Task<Coverage> CoverageAsync(InterlockDbContext db, CancellationToken ct) =>
        new(await db.Areas.AsNoTracking().ToListAsync(ct));

    private static async Task<DivisionPicture> LoadAsync(InterlockDbContext db, Subject subject, IReadOnlyList<SharingGrant> grants,
        Expression<Func<Need, bool>> needs, Expression<Func<Engagement, bool>> engagements, Expression<Func<TransitionPlan, bool>> transitions,
        Expression<Func<CooperationRecord, bool>> cooperation, DivisionFilter filter, CancellationToken ct)
    {
        var areas = filter.AreaCode is { } area ? await AreaAndBelowAsync(db, area, ct) : null;

        var needQuery = db.Needs.AsNoTracking().Where(AccessPolicy.ReadFilter<Need>(subject, grants)).Where(needs);
        if (areas is not null) needQuery = needQuery.Where(n => areas.Contains(n.AreaCode));

        var engagementQuery = db.Engagements.AsNoTracking().Where(AccessPolicy.ReadFilter<Engagement>(subject, grants)).Where(engagements);
        if (areas is not null) engagementQuery = engagementQuery.Where(e => areas.Contains(e.AreaCode));
        if (filter.OrganizationId is { } org) engagementQuery = engagementQuery.Where(e => e.OrganizationId == org);
        if (filter.Form is { } form) engagementQuery = engagementQuery.Where(e => e.Form == form);
        if (filter.Status is { } status) engagementQuery = engagementQuery.Where(e => e.Status == status);

        var transitionQuery = db.TransitionPlans.AsNoTracking().Include(t => t.Items)
            .Where(AccessPolicy.ReadFilter<TransitionPlan>(subject, grants)).Where(transitions);
        var cooperationQuery = db.CooperationRecords.AsNoTracking().Where(AccessPolicy.ReadFilter<CooperationRecord>(subject, grants)).Where(cooperation);

        var loadedNeeds = await needQuery.OrderBy(n => n.StartOn).ThenBy(n => n.Id).ToListAsync(ct);
        var loadedEngagements = await engagementQuery.OrderBy(e => e.StartOn).ThenBy(e => e.Id).ToListAsync(ct);
        var loadedTransitions = await transitionQuery.OrderBy(t => t.TargetDate).ThenBy(t => t.Id).ToListAsync(ct);
        var loadedCooperation = await cooperationQuery.OrderBy(c => c.StartOn).ThenBy(c => c.Id).ToListAsync(ct);
        if (filter.OrganizationId is { } o)
        {
            // The organization filter narrows the plans and the record to those it takes part in.
            var ids = loadedEngagements.Select(e => e.Id).ToHashSet();
            loadedTransitions = loadedTransitions.Where(t => ids.Contains(t.FromEngagementId) || ids.Contains(t.ToEngagementId)
                                                             || t.Items.Any(i => i.OwnerOrganizationId == o)).ToList();
            loadedCooperation = loadedCooperation.Where(c => c.ParticipantOrganizationIds.Contains(o)).ToList();
        }
        // The registry is public: every organization is readable, and the rules name them by code.
        var organizations = await db.Organizations.AsNoTracking().ToListAsync(ct);
        return DivisionPicture.Of(loadedNeeds, loadedEngagements, organizations, loadedTransitions, loadedCooperation);
    }

    private static async Task<List<string>> AreaAndBelowAsync(InterlockDbContext db, string area, CancellationToken ct)
    {
        var all = await db.Areas.AsNoTracking().ToListAsync(ct);
        var coverage = new Coverage(all);
        return all.Where(a => coverage.IsSameOrBelow(a.Code, area)).Select(a => a.Code).ToList();
    }
}
