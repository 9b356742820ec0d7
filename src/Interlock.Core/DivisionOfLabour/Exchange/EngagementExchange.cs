using Interlock.Shared;
using Interlock.Data;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;
using Classification = Interlock.Shared.Classification;

namespace Interlock.DivisionOfLabour.Exchange;

/// <summary>
/// Engagements as a 3W file ("who does what where"): one row per engagement with the HXL hashtags humanitarian 3W files
/// use (#org, #sector, #activity, #country, #adm1, #date, #status) and, for what 3W files do not carry, hashtags in
/// HXL's style (#activity+form, #org+role, #meta+mandate, #meta+id...; see docs/division-of-labour.md). A row updates
/// the engagement with its id, or without an id the one with the same organization, area, country, first-level area
/// and start date; else it records a new one.
/// </summary>
public static class EngagementExchange
{
    public static readonly HxlColumn Id = new("Id", "#meta+id", "id");
    public static readonly HxlColumn Organization = new("Organization", "#org+code", "organization", Required: true);
    public static readonly HxlColumn OrganizationName = new("Organization name", "#org+name", ExportOnly: true);
    public static readonly HxlColumn Area = new("Area", "#sector", "areaCode", Required: true);
    public static readonly HxlColumn Activity = new("Activity", "#activity", "activity");
    public static readonly HxlColumn Form = new("Form of cooperation", "#activity+form", "form", Required: true);
    public static readonly HxlColumn Role = new("Role", "#org+role", "role", Required: true);
    public static readonly HxlColumn Country = new("Country", "#country+code", "countryIso3", Required: true);
    public static readonly HxlColumn Admin1 = new("First-level area", "#adm1+name", "admin1");
    public static readonly HxlColumn Start = new("Start", "#date+start", "startOn", Required: true);
    public static readonly HxlColumn End = new("End", "#date+end", "endOn");
    public static readonly HxlColumn Status = new("Status", "#status", "status", Required: true);
    public static readonly HxlColumn MandateKind = new("Mandate kind", "#meta+mandate+kind", "mandateKind");
    public static readonly HxlColumn MandateReference = new("Mandate", "#meta+mandate", "mandateReference");
    public static readonly HxlColumn SituationId = new("Situation id", "#crisis+id", "situationId");
    public static readonly HxlColumn Situation = new("Situation", "#crisis+name", "situation");
    public static readonly HxlColumn ClassificationColumn = new("Classification", "#meta+classification", "classification");
    public static readonly HxlColumn ReportedBy = new("Reported by", "#org+code+reporting", "owner");

    public static readonly IReadOnlyList<HxlColumn> Columns =
    [
        Id, Organization, OrganizationName, Area, Activity, Form, Role, Country, Admin1, Start, End, Status, MandateKind, MandateReference,
        SituationId, Situation, ClassificationColumn, ReportedBy,
    ];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var items = await db.Engagements.AsNoTracking().Where(AccessPolicy.ReadFilter<Engagement>(actor.Subject, actor.Grants)).ToListAsync(ct);
        await ExchangeAudit.RecordReadsAsync(db, items, ct);
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var situations = await db.Situations.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var rows = items
            .OrderBy(e => orgs[e.OrganizationId].Code, StringComparer.Ordinal).ThenBy(e => e.CountryIso3, StringComparer.Ordinal)
            .ThenBy(e => e.AreaCode, StringComparer.Ordinal).ThenBy(e => e.StartOn).ThenBy(e => e.Id)
            .Select(e => Row(e, orgs, situations));
        return HxlWriter.Write(Columns, rows);
    }

    /// <summary>One engagement as a row of <see cref="Columns"/>.</summary>
    internal static IReadOnlyList<string?> Row(Engagement e, IReadOnlyDictionary<Guid, Registry.Organization> orgs, IReadOnlyDictionary<Guid, string> situations) =>
    [
        e.Id.ToString(), orgs[e.OrganizationId].Code, orgs[e.OrganizationId].NameEn, e.AreaCode, e.Activity, ExchangeFormat.Enum(e.Form),
        ExchangeFormat.Enum(e.Role), e.CountryIso3, e.Admin1, ExchangeFormat.Date(e.StartOn), ExchangeFormat.Date(e.EndOn),
        ExchangeFormat.Enum(e.Status), ExchangeFormat.Enum(e.MandateKind), e.MandateReference,
        e.SituationId?.ToString(), e.SituationId is { } s ? situations.GetValueOrDefault(s) : null,
        ExchangeFormat.Enum(e.Classification), orgs[e.OwnerOrganizationId].Code,
    ];

    internal static async Task<RowOutcome> ApplyAsync(ExchangeRow row, ImportRun run, CancellationToken ct)
    {
        var db = run.Db;
        var id = row.Has(Id) ? row.Id(Id) : null;
        var org = await ExchangeLookups.OrganizationAsync(row, run, Organization, ct);
        var area = row.Text(Area);
        var iso3 = row.Text(Country)?.ToUpperInvariant();
        var admin1 = row.Has(Admin1) ? row.Text(Admin1) : null;
        var start = row.Date(Start);
        var classification = row.Has(ClassificationColumn) ? row.Enum<Classification>(ClassificationColumn) : null;
        // Every cell is read before giving up, so that the report lists all of a row's faults at once.
        var form = row.Enum<CooperationForm>(Form);
        var role = row.Enum<EngagementRole>(Role);
        var status = row.Enum<EngagementStatus>(Status);
        var end = row.Has(End) ? row.Date(End) : null;
        var mandateKind = row.Has(MandateKind) ? row.Enum<MandateKind>(MandateKind) : null;
        if (row.IsRejected) return RowOutcome.Rejected;

        var existing = await FindAsync(row, run, id, org!.Id, area!, iso3!, admin1, start!.Value, ct);
        var owner = await ExchangeLookups.KeeperAsync(row, run, ReportedBy, existing?.OwnerOrganizationId, ct);
        var (named, situation) = await ExchangeLookups.SituationAsync(row, run, SituationId, Situation, ct);
        if (row.IsRejected) return RowOutcome.Rejected;

        var target = existing ?? new Engagement { Id = id ?? Guid.CreateVersion7(), OwnerOrganizationId = owner!.Value, AreaCode = "", CountryIso3 = "" };
        var label = new RecordLabel(owner!.Value, classification ?? existing?.Classification ?? Classification.Partners, Engagement.Category);
        var before = existing is null ? label : RecordLabel.Of(existing);
        var fields = new EngagementFields(org.Id, area, iso3, start, form, role, status,
            row.Has(End) ? end : existing?.EndOn,
            admin1,
            row.Has(Activity) ? row.Text(Activity) : existing?.Activity,
            named ? situation : existing?.SituationId,
            row.Has(MandateKind) ? mandateKind ?? DivisionOfLabour.MandateKind.None : existing?.MandateKind ?? DivisionOfLabour.MandateKind.None,
            row.Has(MandateReference) ? row.Text(MandateReference) : existing?.MandateReference);
        var errors = await EngagementWrites.ApplyAsync(target, fields, label.Classification, db, ct);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }

        var outcome = existing is null ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        outcome = run.Permit(row, outcome, before, row.Has(ReportedBy) ? ReportedBy : Organization,
            $"You may not {(existing is null ? "record" : "change")} engagements kept by {(await db.Organizations.FindAsync([owner.Value], ct))?.Code}");
        if (outcome == RowOutcome.Created) db.Engagements.Add(target);
        return outcome;
    }

    /// <summary>The engagement the row updates: by id, else by its natural key among those the importer may read; null for a new one.</summary>
    private static async Task<Engagement?> FindAsync(ExchangeRow row, ImportRun run, Guid? id, Guid org, string area, string iso3, string? admin1,
        DateOnly start, CancellationToken ct)
    {
        var db = run.Db;
        if (id is { } given)
        {
            var byId = await db.Engagements.FirstOrDefaultAsync(e => e.Id == given, ct);
            // Not readable looks like taken: the id says nothing more about a record the importer may not see.
            if (byId is not null && !run.Actor.CanRead(RecordLabel.Of(byId)))
                row.Reject(Id, "This id belongs to an engagement you may not read; leave the id empty to record a new one.");
            return byId;
        }
        var trimmed = admin1?.Trim();
        var same = (await db.Engagements.Where(e => e.OrganizationId == org && e.AreaCode == area && e.CountryIso3 == iso3 && e.StartOn == start)
                .ToListAsync(ct))
            .Where(e => Admin1Names.SameOrBothBlank(e.Admin1, trimmed) && run.Actor.CanRead(RecordLabel.Of(e))).ToList();
        if (same.Count > 1)
            row.Reject(Id, $"{same.Count} engagements have this organization, area, place and start date: give the id of the one this row changes.");
        return same.Count == 1 ? same[0] : null;
    }
}
