using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.Registry;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>The editable fields of a transition plan, as the API and the pages give them.</summary>
public sealed record TransitionFields(Guid? SituationId, string? Title, Guid? FromEngagementId, Guid? ToEngagementId, DateOnly? TargetDate,
    string? Notes = null);

/// <summary>What may change on one checklist item: where it stands, who is responsible, when it is due.</summary>
public sealed record ChecklistItemFields(ChecklistStatus? Status, Guid? OwnerOrganizationId, DateOnly? DueOn, string? Description = null);

/// <summary>One side of a hand-over: the engagement and the organization that acts in it.</summary>
public sealed record TransitionSide(Engagement Engagement, Organization Organization);

/// <summary>
/// The rules of a "smooth transition" (seed 004 §13): between a regional (or other non-UN) mission and a United Nations
/// operation, in the situation's country, with a target date after the handing-over engagement began; every new plan
/// starts with the seven standard checklist topics, each with a responsible organization and a due date.
/// </summary>
public static class TransitionWrites
{
    /// <summary>The United Nations itself, its principal organs, Secretariat departments, agencies, funds, programmes and regional commissions.</summary>
    public static bool IsUnitedNations(Organization o) => o.Kind is OrganizationKind.UnitedNations or OrganizationKind.UnPrincipalOrgan
        or OrganizationKind.SecretariatDepartment or OrganizationKind.AgencyFundProgramme or OrganizationKind.RegionalCommission;

    /// <summary>Checks a plan against its situation and its two sides (null when missing or not readable by the writer).</summary>
    public static ValidationErrors Check(TransitionFields body, Situation? situation, TransitionSide? from, TransitionSide? to)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(body.Title), "title", "A title is required.")
            .Require((body.Title?.Length ?? 0) <= 300, "title", "At most 300 characters.")
            .Require((body.Notes?.Length ?? 0) <= 4000, "notes", "At most 4000 characters.")
            .Require(situation is not null, "situationId", SituationLink.Unavailable)
            .Require(from is not null, "fromEngagementId", "No engagement with this id is available to you.")
            .Require(to is not null, "toEngagementId", "No engagement with this id is available to you.")
            .Require(body.TargetDate is not null, "targetDate", "A target date is required.");
        if (from is null || to is null) return errors;
        if (from.Engagement.Id == to.Engagement.Id) return errors.Add("toEngagementId", "A transition hands over from one engagement to another.");
        if (situation is not null)
        {
            errors.Require(from.Engagement.CountryIso3 == situation.CountryIso3, "fromEngagementId", $"Must be an engagement in {situation.CountryIso3}, the situation's country.");
            errors.Require(to.Engagement.CountryIso3 == situation.CountryIso3, "toEngagementId", $"Must be an engagement in {situation.CountryIso3}, the situation's country.");
        }
        // One side is the UN, the other a regional arrangement or another non-UN organization: the hand-over the seeds speak of, either way.
        errors.Require(IsUnitedNations(from.Organization) != IsUnitedNations(to.Organization), "toEngagementId",
            "A transition hands over between the United Nations (or a UN body) and a regional arrangement or other organization.");
        errors.Require(body.TargetDate is null || body.TargetDate > from.Engagement.StartOn, "targetDate",
            $"Must be after {from.Engagement.StartOn:yyyy-MM-dd}, when the handing-over engagement started.");
        return errors;
    }

    /// <summary>
    /// The seven topics with who is responsible and when, counted from the target date: the UN side aligns the mandate and
    /// the financing first; the receiving side re-hats contingents and takes on civilian staff; the handing-over side
    /// transfers assets and informs the public; the regional side owns what follows the hand-over.
    /// </summary>
    public static List<TransitionChecklistItem> StandardChecklist(Guid planId, TransitionSide from, TransitionSide to, DateOnly target)
    {
        var un = IsUnitedNations(from.Organization) ? from : to;
        var regional = un == from ? to : from;
        (TransitionTopic Topic, TransitionSide Owner, int Days)[] plan =
        [
            (TransitionTopic.MandateAlignment, un, -60),
            (TransitionTopic.Financing, un, -60),
            (TransitionTopic.RehattingOfContingents, to, 0),
            (TransitionTopic.TransferOfAssets, from, 0),
            (TransitionTopic.CivilianStaff, to, -30),
            (TransitionTopic.RegionalOwnership, regional, 90),
            (TransitionTopic.PublicInformation, from, -30),
        ];
        return plan.Select(p => new TransitionChecklistItem
        {
            TransitionPlanId = planId, Topic = p.Topic, OwnerOrganizationId = p.Owner.Organization.Id, Status = ChecklistStatus.Open,
            // Never due before the handing-over engagement began: nothing could have been done then.
            DueOn = Max(target.AddDays(p.Days), from.Engagement.StartOn),
        }).ToList();
    }

    /// <summary>Validates and, only when all is valid, applies the fields; a new plan (no items yet) gets the standard checklist.</summary>
    public static async Task<ValidationErrors> ApplyAsync(TransitionPlan target, TransitionFields body, Classification classification,
        InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var situation = await SituationLink.ReadableAsync(db, actor, body.SituationId, ct);
        var from = await SideAsync(db, actor, body.FromEngagementId, ct);
        var to = await SideAsync(db, actor, body.ToEngagementId, ct);
        var errors = Check(body, situation, from, to);
        if (!errors.IsEmpty) return errors;

        target.Classification = classification;
        target.SituationId = situation!.Id;
        target.Title = body.Title!.Trim();
        target.FromEngagementId = from!.Engagement.Id;
        target.ToEngagementId = to!.Engagement.Id;
        target.TargetDate = body.TargetDate!.Value;
        target.Notes = NeedWrites.Blank(body.Notes);
        if (target.Items.Count == 0) target.Items = StandardChecklist(target.Id, from, to, target.TargetDate);
        return errors;
    }

    /// <summary>Changes one item; done records the day it was completed, anything else clears it.</summary>
    public static ValidationErrors ApplyItem(TransitionChecklistItem item, ChecklistItemFields body, bool ownerKnown, DateOnly today)
    {
        var errors = new ValidationErrors()
            .Require(body.Status is not null, "status", "A status (open, inProgress or done) is required.")
            .Require(ownerKnown, "owner", "A known organization is required.")
            .Require(body.DueOn is not null, "dueOn", "A due date is required.")
            .Require(body.DueOn is null || body.DueOn >= Need.EarliestDate, "dueOn", "Must be on or after 1945-10-24.")
            .Require((body.Description?.Length ?? 0) <= 1000, "description", "At most 1000 characters.");
        if (!errors.IsEmpty) return errors;

        if (body.Status == ChecklistStatus.Done && item.Status != ChecklistStatus.Done) item.CompletedOn = today;
        else if (body.Status != ChecklistStatus.Done) item.CompletedOn = null;
        item.Status = body.Status!.Value;
        item.OwnerOrganizationId = body.OwnerOrganizationId!.Value;
        item.DueOn = body.DueOn!.Value;
        item.Description = NeedWrites.Blank(body.Description);
        return errors;
    }

    public static async Task<ValidationErrors> ApplyItemAsync(TransitionChecklistItem item, ChecklistItemFields body, InterlockDbContext db,
        DateOnly today, CancellationToken ct)
    {
        var ownerKnown = body.OwnerOrganizationId is { } o && await db.Organizations.AnyAsync(x => x.Id == o, ct);
        return ApplyItem(item, body, ownerKnown, today);
    }

    private static async Task<TransitionSide?> SideAsync(InterlockDbContext db, ExchangeActor actor, Guid? id, CancellationToken ct)
    {
        if (id is not { } eid) return null;
        var e = await db.Engagements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eid, ct);
        if (e is null || !actor.CanRead(RecordLabel.Of(e))) return null;
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == e.OrganizationId, ct);
        return new TransitionSide(e, org);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
