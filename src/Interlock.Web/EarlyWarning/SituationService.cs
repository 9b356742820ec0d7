using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.EarlyWarning.Situations.Ripeness;
using Interlock.EarlyWarning.Situations.Timeline;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interlock.Web.EarlyWarning;

/// <summary>Situations of concern under the access policy: writes, notes, the merged timeline and the ripeness assessment.</summary>
public sealed class SituationService(InterlockDbContext db, AccessService access, SituationTimeline timeline, IOptions<RipenessOptions> ripeness)
{
    public IReadOnlyCollection<TimelineEntryType> TimelineTypes => timeline.Types;
    public RipenessOptions RipenessOptions => ripeness.Value;

    public async Task<Situation?> ReadableAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Situations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is not null && await access.CanReadAsync(s, ct) ? s : null;
    }

    public async Task<WriteOutcome<Situation>> CreateAsync(SituationRules.Input input, CancellationToken ct)
    {
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.Situation, owner, input.Classification))
            return WriteOutcome<Situation>.Denied("Your role cannot record situations.");
        input = Normalize(input);
        var errors = SituationRules.Validate(input, access.Today, await KnownOrganizationsAsync(ct));
        if (!errors.IsEmpty) return WriteOutcome<Situation>.Invalid(errors);
        var now = db.Time.GetUtcNow();
        var s = new Situation { OwnerOrganizationId = owner, Title = "", CountryIso3 = input.CountryIso3!, CreatedAt = now, UpdatedAt = now };
        SituationRules.Apply(s, input, access.Today);
        db.Situations.Add(s);
        await db.SaveChangesAsync(ct);
        return WriteOutcome<Situation>.Ok(s);
    }

    public async Task<WriteOutcome<Situation>> UpdateAsync(Guid id, long expectedVersion, SituationRules.Input input, CancellationToken ct)
    {
        var s = await db.Situations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !await access.CanReadAsync(s, ct)) return WriteOutcome<Situation>.Missing;
        var decision = access.DecideWrite(RecordLabel.Of(s));
        if (!decision.Allowed) return WriteOutcome<Situation>.Denied(decision.Reason);
        if (s.Version != expectedVersion) return WriteOutcome<Situation>.Changed;
        input = Normalize(input);
        var errors = SituationRules.Validate(input, access.Today, await KnownOrganizationsAsync(ct));
        if (!errors.IsEmpty) return WriteOutcome<Situation>.Invalid(errors);
        SituationRules.Apply(s, input, access.Today);
        s.UpdatedAt = db.Time.GetUtcNow();
        db.Entry(s).Property(x => x.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(ct);
        return WriteOutcome<Situation>.Ok(s);
    }

    public async Task<WriteOutcome<SituationNote>> AddNoteAsync(Guid id, string? text, CancellationToken ct)
    {
        var s = await ReadableAsync(id, ct);
        if (s is null) return WriteOutcome<SituationNote>.Missing;
        var decision = SituationRules.DecideNote(access.Subject, s);
        if (!decision.Allowed) return WriteOutcome<SituationNote>.Denied(decision.Reason);
        var errors = SituationRules.ValidateNote(text);
        if (!errors.IsEmpty) return WriteOutcome<SituationNote>.Invalid(errors);
        var note = new SituationNote
        {
            SituationId = s.Id, Text = text!.Trim(), At = db.Time.GetUtcNow(), AuthorName = access.Subject.UserName,
            AuthorOrganizationId = access.Subject.OrganizationId!.Value,
        };
        db.SituationNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return WriteOutcome<SituationNote>.Ok(note);
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Situation s, IReadOnlySet<TimelineEntryType>? only, CancellationToken ct) =>
        await timeline.BuildAsync(new TimelineContext(db, s, access.Subject, await access.GrantsAsync(ct)), only, ct);

    public async Task<RipenessAssessment> RipenessAsync(Situation s, CancellationToken ct)
    {
        var o = ripeness.Value;
        var facts = await RipenessFactsLoader.LoadAsync(db, s, access.Subject, await access.GrantsAsync(ct), access.Today, o.ConsecutiveMonths, ct);
        return RipenessRule.Evaluate(facts, o);
    }

    public Task<Dictionary<string, Guid>> OrganizationIdsByCodeAsync(CancellationToken ct) =>
        db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id, ct);

    private async Task<IReadOnlySet<Guid>> KnownOrganizationsAsync(CancellationToken ct) =>
        (await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(ct)).ToHashSet();

    private static SituationRules.Input Normalize(SituationRules.Input i) => i with { CountryIso3 = i.CountryIso3?.Trim().ToUpperInvariant() };
}
