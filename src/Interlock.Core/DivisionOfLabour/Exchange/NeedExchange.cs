using Interlock.Shared;
using Interlock.Data;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Classification = Interlock.Shared.Classification;

namespace Interlock.DivisionOfLabour.Exchange;

/// <summary>
/// Needs as a CSV with HXL hashtags: the situation (#crisis), the area (#sector), the priority (#severity), the place,
/// the dates, the days within which help is needed and notes. A row updates the need with its id, or without an id the
/// need of the same situation with the same area, country, first-level area and start date; else it records a new one.
/// The agreed lead is exported for the reader but is recorded on the need itself, not by a file.
/// </summary>
public static class NeedExchange
{
    public static readonly HxlColumn Id = new("Id", "#meta+id", "id");
    public static readonly HxlColumn SituationId = new("Situation id", "#crisis+id", "situationId");
    public static readonly HxlColumn Situation = new("Situation", "#crisis+name", "situation");
    public static readonly HxlColumn Area = new("Area", "#sector", "areaCode", Required: true);
    public static readonly HxlColumn Priority = new("Priority", "#severity", "priority", Required: true);
    public static readonly HxlColumn Country = new("Country", "#country+code", "countryIso3", Required: true);
    public static readonly HxlColumn Admin1 = new("First-level area", "#adm1+name", "admin1");
    public static readonly HxlColumn Start = new("Start", "#date+start", "startOn", Required: true);
    public static readonly HxlColumn End = new("End", "#date+end", "endOn");
    public static readonly HxlColumn NeededWithinDays = new("Needed within (days)", "#indicator+days+needed", "neededWithinDays");
    public static readonly HxlColumn Notes = new("Notes", "#description", "notes");
    public static readonly HxlColumn AgreedLead = new("Agreed lead", "#org+code+lead", ExportOnly: true);
    public static readonly HxlColumn ClassificationColumn = new("Classification", "#meta+classification", "classification");
    public static readonly HxlColumn ReportedBy = new("Reported by", "#org+code+reporting", "owner");

    public static readonly IReadOnlyList<HxlColumn> Columns =
    [
        Id, SituationId, Situation, Area, Priority, Country, Admin1, Start, End, NeededWithinDays, Notes, AgreedLead, ClassificationColumn, ReportedBy,
    ];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var items = await db.Needs.AsNoTracking().Where(AccessPolicy.ReadFilter<Need>(actor.Subject, actor.Grants)).ToListAsync(ct);
        await ExchangeAudit.RecordReadsAsync(db, items, ct);
        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var situations = await db.Situations.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var rows = items
            .OrderBy(n => situations.GetValueOrDefault(n.SituationId), StringComparer.Ordinal).ThenBy(n => n.SituationId)
            .ThenBy(n => n.AreaCode, StringComparer.Ordinal).ThenBy(n => n.StartOn).ThenBy(n => n.Id)
            .Select(n => Row(n, codes, situations));
        return HxlWriter.Write(Columns, rows);
    }

    /// <summary>One need as a row of <see cref="Columns"/>.</summary>
    internal static IReadOnlyList<string?> Row(Need n, IReadOnlyDictionary<Guid, string> codes, IReadOnlyDictionary<Guid, string> situations) =>
    [
        n.Id.ToString(), n.SituationId.ToString(), situations.GetValueOrDefault(n.SituationId), n.AreaCode, ExchangeFormat.Enum(n.Priority),
        n.CountryIso3, n.Admin1, ExchangeFormat.Date(n.StartOn), ExchangeFormat.Date(n.EndOn), ExchangeFormat.Int(n.NeededWithinDays),
        n.Notes, n.AgreedLeadOrganizationId is { } lead ? codes.GetValueOrDefault(lead) : null,
        ExchangeFormat.Enum(n.Classification), codes.GetValueOrDefault(n.OwnerOrganizationId),
    ];

    internal static async Task<RowOutcome> ApplyAsync(ExchangeRow row, ImportRun run, CancellationToken ct)
    {
        var db = run.Db;
        var id = row.Has(Id) ? row.Id(Id) : null;
        var area = row.Text(Area);
        var iso3 = row.Text(Country)?.ToUpperInvariant();
        var admin1 = row.Has(Admin1) ? row.Text(Admin1) : null;
        var start = row.Date(Start);
        var classification = row.Has(ClassificationColumn) ? row.Enum<Classification>(ClassificationColumn) : null;
        // Every cell is read before giving up, so that the report lists all of a row's faults at once.
        var priority = row.Enum<NeedPriority>(Priority);
        var end = row.Has(End) ? row.Date(End) : null;
        var days = row.Has(NeededWithinDays) ? row.Int(NeededWithinDays) : null;
        var (named, situation) = await ExchangeLookups.SituationAsync(row, run, SituationId, Situation, ct);
        if (row.IsRejected) return RowOutcome.Rejected;

        var existing = await FindAsync(row, run, id, situation, area!, iso3!, admin1, start!.Value, ct);
        if (row.IsRejected) return RowOutcome.Rejected;
        if (!named && existing is null)
        {
            row.Reject(Situation, $"Name the situation the need belongs to: its title ({Situation.Tag}) or its id ({SituationId.Tag}).");
            return RowOutcome.Rejected;
        }
        var situationId = situation ?? existing!.SituationId;
        var situationCountry = await db.Situations.Where(s => s.Id == situationId).Select(s => s.CountryIso3).FirstAsync(ct);
        if (!string.Equals(situationCountry, iso3, StringComparison.Ordinal))
        {
            row.Reject(Country, $"Must be the country of the situation ({situationCountry}).");
            return RowOutcome.Rejected;
        }
        var owner = await ExchangeLookups.KeeperAsync(row, run, ReportedBy, existing?.OwnerOrganizationId, ct);
        if (row.IsRejected) return RowOutcome.Rejected;

        var target = existing ?? new Need { Id = id ?? Guid.CreateVersion7(), OwnerOrganizationId = owner!.Value, AreaCode = "", CountryIso3 = "" };
        target.SituationId = situationId;
        var label = new RecordLabel(owner!.Value, classification ?? existing?.Classification ?? Classification.Partners, Need.Category);
        var before = existing is null ? label : RecordLabel.Of(existing);
        var fields = new NeedFields(area, priority, iso3, admin1, start,
            row.Has(End) ? end : existing?.EndOn,
            row.Has(NeededWithinDays) ? days : existing?.NeededWithinDays,
            row.Has(Notes) ? row.Text(Notes) : existing?.Notes);
        var errors = await NeedWrites.ApplyAsync(target, fields, label.Classification, db, ct);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }

        var outcome = existing is null ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        outcome = run.Permit(row, outcome, before, row.Has(ReportedBy) ? ReportedBy : Situation,
            $"You may not {(existing is null ? "record" : "change")} needs kept by {(await db.Organizations.FindAsync([owner.Value], ct))?.Code}");
        if (outcome == RowOutcome.Created) db.Needs.Add(target);
        return outcome;
    }

    /// <summary>The need the row updates: by id, else by its natural key among those the importer may read; null for a new one.</summary>
    private static async Task<Need?> FindAsync(ExchangeRow row, ImportRun run, Guid? id, Guid? situation, string area, string iso3, string? admin1,
        DateOnly start, CancellationToken ct)
    {
        var db = run.Db;
        if (id is { } given)
        {
            var byId = await db.Needs.FirstOrDefaultAsync(n => n.Id == given, ct);
            if (byId is not null && !run.Actor.CanRead(RecordLabel.Of(byId)))
                row.Reject(Id, "This id belongs to a need you may not read; leave the id empty to record a new one.");
            return byId;
        }
        if (situation is null) return null;
        var trimmed = admin1?.Trim();
        var same = (await db.Needs.Where(n => n.SituationId == situation && n.AreaCode == area && n.CountryIso3 == iso3 && n.StartOn == start)
                .ToListAsync(ct))
            .Where(n => Admin1Names.SameOrBothBlank(n.Admin1, trimmed) && run.Actor.CanRead(RecordLabel.Of(n))).ToList();
        if (same.Count > 1)
            row.Reject(Id, $"{same.Count} needs of this situation have this area, place and start date: give the id of the one this row changes.");
        return same.Count == 1 ? same[0] : null;
    }
}
