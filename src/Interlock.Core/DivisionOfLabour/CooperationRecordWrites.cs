using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.Knowledge;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>The editable fields of a cooperation record, as the API and the pages give them.</summary>
public sealed record CooperationRecordFields(CooperationRecordType? Type, CooperationSetting? Setting, string? Title, DateOnly? StartOn,
    IReadOnlyList<Guid>? Participants, DateOnly? EndOn = null, Guid? SituationId = null, string? CountryIso3 = null, string? Outcome = null,
    IReadOnlyList<Guid>? DocumentIds = null);

/// <summary>What the reference data says about a record's fields: the ids that exist (and, for documents, that the writer may read).</summary>
public sealed record CooperationRecordFacts(IReadOnlySet<Guid> KnownOrganizations, Situation? Situation, bool CountryKnown, IReadOnlySet<Guid> KnownDocuments);

/// <summary>
/// The rules of the cooperation record: something done together needs at least two organizations; a record tied to a
/// situation lies in its country; the documents it cites are in the knowledge module.
/// </summary>
public static class CooperationRecordWrites
{
    public static ValidationErrors Check(CooperationRecordFields body, CooperationRecordFacts facts)
    {
        var participants = (body.Participants ?? []).Distinct().ToList();
        var iso3 = Iso3(body.CountryIso3);
        var errors = new ValidationErrors()
            .Require(body.Type is not null, "type", "A type of cooperation is required.")
            .Require(body.Setting is not null, "setting", "Say whether it took place at headquarters or in the field.")
            .Require(!string.IsNullOrWhiteSpace(body.Title), "title", "A title is required.")
            .Require((body.Title?.Length ?? 0) <= 300, "title", "At most 300 characters.")
            .Require(body.StartOn is not null, "startOn", "A start date is required.")
            .Require(body.StartOn is null || body.StartOn >= Need.EarliestDate, "startOn", "Must be on or after 1945-10-24.")
            .Require(body.EndOn is null || body.StartOn is null || body.EndOn >= body.StartOn, "endOn", "Cannot be before the start.")
            .Require(participants.Count >= 2, "participants", "Cooperation takes at least two organizations.")
            .Require((body.Outcome?.Length ?? 0) <= 4000, "outcome", "At most 4000 characters.");
        foreach (var unknown in participants.Where(p => !facts.KnownOrganizations.Contains(p)))
            errors.Add("participants", $"'{unknown}' is not an organization of the registry.");
        if (body.SituationId is not null && facts.Situation is null) errors.Add("situationId", SituationLink.Unavailable);
        if (iso3 is not null && !facts.CountryKnown) errors.Add("countryIso3", $"'{body.CountryIso3}' is not a known country.");
        else if (iso3 is not null && facts.Situation is { } s && s.CountryIso3 != iso3)
            errors.Add("countryIso3", $"Must be {s.CountryIso3}, the country of the situation.");
        foreach (var unknown in (body.DocumentIds ?? []).Distinct().Where(d => !facts.KnownDocuments.Contains(d)))
            errors.Add("documentIds", $"No document {unknown} is available to you.");
        return errors;
    }

    /// <summary>Validates and, only when all is valid, applies the fields; the country defaults to the situation's.</summary>
    public static async Task<ValidationErrors> ApplyAsync(CooperationRecord target, CooperationRecordFields body, Classification classification,
        InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var participants = (body.Participants ?? []).Distinct().ToList();
        var known = (await db.Organizations.Where(o => participants.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var situation = await SituationLink.ReadableAsync(db, actor, body.SituationId, ct);
        var iso3 = Iso3(body.CountryIso3);
        var countryKnown = iso3 is not null && await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct);
        var docIds = (body.DocumentIds ?? []).Distinct().ToList();
        // Only documents the writer may read: citing an id must not reveal whether a hidden document exists.
        var docs = docIds.Count == 0 ? [] : (await db.Documents.AsNoTracking().Where(d => docIds.Contains(d.Id))
            .Where(AccessPolicy.ReadFilter<Document>(actor.Subject, actor.Grants)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var errors = Check(body, new CooperationRecordFacts(known, situation, countryKnown, docs));
        if (!errors.IsEmpty) return errors;

        target.Classification = classification;
        target.Type = body.Type!.Value;
        target.Setting = body.Setting!.Value;
        target.Title = body.Title!.Trim();
        target.StartOn = body.StartOn!.Value;
        target.EndOn = body.EndOn;
        target.ParticipantOrganizationIds = participants;
        target.SituationId = situation?.Id;
        target.CountryIso3 = iso3 ?? situation?.CountryIso3;
        target.Outcome = NeedWrites.Blank(body.Outcome);
        target.DocumentIds = docIds;
        return errors;
    }

    private static string? Iso3(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();
}
