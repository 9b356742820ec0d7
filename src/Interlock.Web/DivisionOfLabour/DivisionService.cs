using Interlock.Data;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Ranking;
using Interlock.DivisionOfLabour.Reports;
using Interlock.DivisionOfLabour.Rules;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.EarlyWarning;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interlock.Web.DivisionOfLabour;

/// <summary>A picture of the division of labour as one reader may see it, and what the rules find in it as of today.</summary>
public sealed record DivisionView(DivisionPicture Picture, DivisionReview Review, Coverage Coverage, DateOnly Today);

/// <summary>
/// What the division-of-labour pages and read endpoints share: the picture of a situation, a country or everything
/// under the access policy (restricted reads audited), the rules applied to it, the candidate ranking of a need, the
/// Article 54 report, and recording an agreed lead. Endpoints and pages stay thin over it.
/// </summary>
public sealed class DivisionService(InterlockDbContext db, AccessService access, IOptions<RankingOptions> ranking)
{
    public async Task<DivisionView?> ForSituationAsync(Guid situationId, CancellationToken ct)
    {
        var grants = await access.GrantsAsync(ct);
        var picture = await DivisionOfLabourQuery.ForSituationAsync(db, situationId, access.Subject, grants, ct);
        return picture is null ? null : await ViewAsync(picture, ct);
    }

    public async Task<DivisionView> ForCountryOrGlobalAsync(string? iso3, DivisionFilter filter, CancellationToken ct)
    {
        var grants = await access.GrantsAsync(ct);
        var picture = string.IsNullOrWhiteSpace(iso3)
            ? await DivisionOfLabourQuery.GlobalAsync(db, access.Subject, grants, filter, ct)
            : await DivisionOfLabourQuery.ForCountryAsync(db, iso3, access.Subject, grants, filter, ct);
        return await ViewAsync(picture, ct);
    }

    private async Task<DivisionView> ViewAsync(DivisionPicture picture, CancellationToken ct)
    {
        await AuditAsync(picture, ct);
        var coverage = await DivisionOfLabourQuery.CoverageAsync(db, ct);
        return new DivisionView(picture, DivisionReview.Of(picture, coverage, access.Today), coverage, access.Today);
    }

    private async Task AuditAsync(DivisionPicture picture, CancellationToken ct)
    {
        await access.AuditReadsAsync(picture.Needs, ct);
        await access.AuditReadsAsync(picture.Engagements, ct);
        await access.AuditReadsAsync(picture.Transitions, ct);
        await access.AuditReadsAsync(picture.CooperationRecords, ct);
    }

    /// <summary>The organizations ranked for a need the reader may read, from what the reader may read.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Need need, CancellationToken ct)
    {
        var facts = await RankingFactsLoader.LoadAsync(db, need, access.Subject, await access.GrantsAsync(ct), ct);
        await access.AuditReadsAsync(facts.Capabilities, ct);
        await access.AuditReadsAsync(facts.Engagements, ct);
        return CandidateRanking.Rank(facts, ranking.Value);
    }

    public int DaysNeeded(Need need) => ranking.Value.DaysNeeded(need);

    /// <summary>The Article 54 report of a period, from every engagement and cooperation record the reader may read.</summary>
    public async Task<Article54Report> Article54Async(Period period, CancellationToken ct)
    {
        var grants = await access.GrantsAsync(ct);
        var picture = await DivisionOfLabourQuery.GlobalAsync(db, access.Subject, grants, DivisionFilter.None, ct);
        await AuditAsync(picture, ct);
        return Article54Report.Build(picture, period);
    }

    /// <summary>Records the agreed lead of a need (the version the writer saw must still be current).</summary>
    public async Task<WriteOutcome<Need>> RecordAgreedLeadAsync(Guid needId, long expectedVersion, AgreedLeadFields fields, CancellationToken ct)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == needId, ct);
        if (need is null || !await access.CanReadAsync(need, ct)) return WriteOutcome<Need>.Missing;
        var decision = access.DecideWrite(RecordLabel.Of(need));
        if (!decision.Allowed) return WriteOutcome<Need>.Denied(decision.Reason);
        if (need.Version != expectedVersion) return WriteOutcome<Need>.Changed;
        var result = await AgreedLead.RecordAsync(need, fields, db, await ExchangeEndpoints.ActorAsync(access, ct), ct);
        if (!result.Errors.IsEmpty) return WriteOutcome<Need>.Invalid(result.Errors);
        need.UpdatedAt = db.Time.GetUtcNow();
        db.Entry(need).Property(n => n.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(ct);
        return WriteOutcome<Need>.Ok(need);
    }

    /// <summary>Sets the status of one checklist item of a plan (the plan's version the writer saw must still be current).</summary>
    public async Task<WriteOutcome<TransitionPlan>> SetChecklistStatusAsync(Guid planId, long expectedVersion, Guid itemId, ChecklistStatus status,
        CancellationToken ct)
    {
        var plan = await db.TransitionPlans.Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == planId, ct);
        if (plan is null || !await access.CanReadAsync(plan, ct)) return WriteOutcome<TransitionPlan>.Missing;
        var decision = access.DecideWrite(RecordLabel.Of(plan));
        if (!decision.Allowed) return WriteOutcome<TransitionPlan>.Denied(decision.Reason);
        if (plan.Version != expectedVersion) return WriteOutcome<TransitionPlan>.Changed;
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return WriteOutcome<TransitionPlan>.Missing;
        var errors = await TransitionWrites.ApplyItemAsync(item, new ChecklistItemFields(status, item.OwnerOrganizationId, item.DueOn, item.Description),
            db, access.Today, ct);
        if (!errors.IsEmpty) return WriteOutcome<TransitionPlan>.Invalid(errors);
        plan.UpdatedAt = db.Time.GetUtcNow();
        db.Entry(plan).Property(t => t.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(ct);
        return WriteOutcome<TransitionPlan>.Ok(plan);
    }

    /// <summary>A new transition plan kept by the writer's organization, with the standard checklist (the API and the page share it).</summary>
    public async Task<WriteOutcome<TransitionPlan>> CreateTransitionAsync(TransitionWrite body, CancellationToken ct)
    {
        var classification = body.Classification ?? Classification.Partners;
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.TransitionPlan, owner, classification))
            return WriteOutcome<TransitionPlan>.Denied("Your role cannot record transition plans.");
        if (!Enum.IsDefined(classification)) return WriteOutcome<TransitionPlan>.Invalid(new ValidationErrors().Add("classification", "Unknown classification."));
        var now = db.Time.GetUtcNow();
        var plan = new TransitionPlan { OwnerOrganizationId = owner, Title = "", CreatedAt = now, UpdatedAt = now };
        var fields = new TransitionFields(body.SituationId, body.Title, body.FromEngagementId, body.ToEngagementId, body.TargetDate, body.Notes);
        var errors = await TransitionWrites.ApplyAsync(plan, fields, classification, db, await ExchangeEndpoints.ActorAsync(access, ct), ct);
        if (!errors.IsEmpty) return WriteOutcome<TransitionPlan>.Invalid(errors);
        db.TransitionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return WriteOutcome<TransitionPlan>.Ok(plan);
    }

    /// <summary>A new entry of the cooperation record kept by the writer's organization (the API and the page share it).</summary>
    public async Task<WriteOutcome<CooperationRecord>> CreateCooperationAsync(CooperationRecordWrite body, CancellationToken ct)
    {
        var classification = body.Classification ?? Classification.Partners;
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.CooperationRecord, owner, classification))
            return WriteOutcome<CooperationRecord>.Denied("Your role cannot record cooperation.");
        var now = db.Time.GetUtcNow();
        var record = new CooperationRecord { OwnerOrganizationId = owner, Title = "", CreatedAt = now, UpdatedAt = now };
        var errors = await CooperationRecordEndpoints.ApplyAsync(record, body, classification, db, access, ct);
        if (!errors.IsEmpty) return WriteOutcome<CooperationRecord>.Invalid(errors);
        db.CooperationRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return WriteOutcome<CooperationRecord>.Ok(record);
    }
}
