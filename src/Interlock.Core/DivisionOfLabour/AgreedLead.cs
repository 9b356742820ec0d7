using Interlock.Data;
using Interlock.Meetings;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// The division of labour the parties agreed for a need. <paramref name="AllowNotEngaged"/> names a lead that has no
/// engagement on the need yet (an organization asked to take it on); otherwise the lead must be one already engaged.
/// </summary>
public sealed record AgreedLeadFields(Guid? LeadOrganizationId, DateOnly? AgreedOn = null, string? Note = null, Guid? MeetingId = null,
    bool AllowNotEngaged = false);

/// <summary>The errors, or the decision recorded at the meeting (null when the agreement stays a note on the need).</summary>
public sealed record AgreedLeadResult(ValidationErrors Errors, Decision? Decision = null);

/// <summary>
/// Records who leads on a need, which settles an overlap ("the division of labour must be clearly defined and agreed
/// upon", seed 001). When it was agreed at a meeting whose decisions the writer keeps, it also becomes a decision of
/// that meeting owned by the organizations engaged, so the meetings module follows it up; otherwise it stays a note.
/// </summary>
public static class AgreedLead
{
    /// <summary>The organizations whose engagements answer the need (any status), in order of first appearance.</summary>
    public static IReadOnlyList<Guid> EngagedOrganizations(Need need, IEnumerable<Engagement> engagements, Coverage coverage) =>
        engagements.Where(e => coverage.Answers(need, e)).OrderBy(e => e.StartOn).Select(e => e.OrganizationId).Distinct().ToList();

    public static ValidationErrors Check(AgreedLeadFields body, IReadOnlyCollection<Guid> engaged, bool leadKnown)
    {
        var errors = new ValidationErrors()
            .Require(body.LeadOrganizationId is not null && leadKnown, "leadOrganization", "A known organization is required.")
            .Require(body.AgreedOn is null || body.AgreedOn >= Need.EarliestDate, "agreedOn", "Must be on or after 1945-10-24.")
            .Require((body.Note?.Length ?? 0) <= 2000, "note", "At most 2000 characters.");
        if (errors.IsEmpty && !body.AllowNotEngaged && !engaged.Contains(body.LeadOrganizationId!.Value))
            errors.Add("leadOrganization", "This organization has no engagement on the need; set allowNotEngaged to name it anyway.");
        return errors;
    }

    /// <summary>"ECOWAS leads on Peacekeeping in Liberia (Montserrado) from 1990-08-24; UN support."</summary>
    public static string DecisionText(string lead, string area, string country, string? admin1, DateOnly from, IReadOnlyList<string> others)
    {
        var place = admin1 is null ? country : $"{country} ({admin1})";
        var text = $"{lead} leads on {area} in {place} from {from:yyyy-MM-dd}";
        return others.Count == 0 ? text + "." : $"{text}; {string.Join(", ", others)} support.";
    }

    /// <summary>
    /// Validates and applies the agreement to the tracked <paramref name="need"/>, adding the decision when a meeting is
    /// given and the writer may record that meeting's decisions. The caller saves.
    /// </summary>
    public static async Task<AgreedLeadResult> RecordAsync(Need need, AgreedLeadFields body, InterlockDbContext db, ExchangeActor actor,
        CancellationToken ct)
    {
        // Only engagements the writer can see count: the rule must not reveal hidden ones.
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.CountryIso3 == need.CountryIso3)
            .Where(AccessPolicy.ReadFilter<Engagement>(actor.Subject, actor.Grants)).ToListAsync(ct);
        var coverage = new Coverage(await db.Areas.AsNoTracking().ToListAsync(ct));
        var engaged = EngagedOrganizations(need, engagements, coverage);
        var leadKnown = body.LeadOrganizationId is { } l && await db.Organizations.AnyAsync(o => o.Id == l, ct);
        var errors = Check(body, engaged, leadKnown);
        Meeting? meeting = null;
        if (body.MeetingId is { } mid)
        {
            meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct);
            if (meeting is null || !actor.CanRead(RecordLabel.Of(meeting))) errors.Add("meetingId", "No meeting with this id is available to you.");
        }
        if (!errors.IsEmpty) return new AgreedLeadResult(errors);

        var lead = body.LeadOrganizationId!.Value;
        need.AgreedLeadOrganizationId = lead;
        need.AgreedLeadOn = body.AgreedOn ?? meeting?.StartsOn ?? actor.Today;
        need.AgreedLeadNote = NeedWrites.Blank(body.Note);
        need.AgreedLeadDecisionId = null;
        if (meeting is null) return new AgreedLeadResult(errors);

        // The decision is the meeting's record, kept by its secretariat: only that organization's writers may add it.
        var classification = need.Classification > meeting.Classification ? need.Classification : meeting.Classification;
        var label = new RecordLabel(meeting.OwnerOrganizationId, classification, Categories.Decision);
        if (!AccessPolicy.Decide(actor.Subject, Operation.Create, label, []).Allowed) return new AgreedLeadResult(errors);

        var decision = await NewDecisionAsync(need, meeting, classification, engaged.Append(lead).Distinct().ToList(), db, actor, ct);
        db.Decisions.Add(decision);
        need.AgreedLeadDecisionId = decision.Id;
        return new AgreedLeadResult(errors, decision);
    }

    private static async Task<Decision> NewDecisionAsync(Need need, Meeting meeting, Classification classification, IReadOnlyList<Guid> owners,
        InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var codes = await db.Organizations.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var area = await db.Areas.AsNoTracking().Where(a => a.Code == need.AreaCode).Select(a => a.NameEn).FirstOrDefaultAsync(ct) ?? need.AreaCode;
        var country = await db.Countries.AsNoTracking().Where(c => c.Iso3 == need.CountryIso3).Select(c => c.NameEn).FirstOrDefaultAsync(ct) ?? need.CountryIso3;
        var lead = need.AgreedLeadOrganizationId!.Value;
        var others = owners.Where(o => o != lead).Select(o => codes[o]).ToList();
        var now = db.Time.GetUtcNow();
        // An agreement reached at a meeting is agreed, one of the statuses a new decision may start in.
        var status = DecisionStatus.Agreed;
        var d = new Decision
        {
            OwnerOrganizationId = meeting.OwnerOrganizationId, Classification = classification, MeetingId = meeting.Id,
            Text = DecisionText(codes[lead], area, country, need.Admin1, need.AgreedLeadOn!.Value, others), Status = status,
            Source = "Division of labour: agreed lead", CreatedAt = now, UpdatedAt = now,
        };
        d.Owners = owners.Select(o => new DecisionOwner { DecisionId = d.Id, OrganizationId = o }).ToList();
        d.History.Add(new DecisionStatusChange
        {
            DecisionId = d.Id, From = status, To = status, At = now, UserId = actor.Subject.UserId, UserName = actor.Subject.UserName, Note = "Recorded",
        });
        return d;
    }
}
