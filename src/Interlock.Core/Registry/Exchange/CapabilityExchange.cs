using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Capabilities as an HXL CSV file, one row per capability, keyed by id, or without an id by organization and area
/// (when the organization has one capability in that area). Only the capabilities the reader may read are exported;
/// an import writes as the owning organization's writers may.
/// </summary>
public static class CapabilityExchange
{
    public static readonly HxlColumn Id = new("Id", "#meta+id", "id");
    public static readonly HxlColumn Organization = new("Organization", "#org+code", "organization", Required: true);
    public static readonly HxlColumn Area = new("Area", "#sector+code", "areaCode", Required: true);
    public static readonly HxlColumn AreaName = new("Area name", "#sector+name", ExportOnly: true);
    public static readonly HxlColumn Description = new("Description", "#description", "description");
    public static readonly HxlColumn Classification = new("Classification", "#meta+classification", "classification");
    public static readonly HxlColumn Global = new("Global", "#meta+global", "global");
    public static readonly HxlColumn ScopeCountries = new("Countries covered", "#country+code+scope", "scopeCountries");
    public static readonly HxlColumn ScopeRegions = new("M49 regions covered", "#region+code+scope", "scopeRegions");
    public static readonly HxlColumn Personnel = new("Personnel", "#capacity+personnel", "personnel");
    public static readonly HxlColumn Budget = new("Budget band", "#capacity+budget", "budget");
    public static readonly HxlColumn Assets = new("Assets", "#capacity+assets", "assets");
    public static readonly HxlColumn ReadinessDays = new("Readiness (days)", "#indicator+readiness+days", "readinessDays");
    public static readonly HxlColumn MandateBasis = new("Mandate basis", "#meta+mandate", "mandateBasis");
    public static readonly HxlColumn Contact = new("Contact", "#contact+id", "contactPersonId");
    public static readonly HxlColumn LastVerified = new("Last verified", "#date+verified", "lastVerified");
    public static readonly HxlColumn Illustrative = new("Illustrative", "#meta+illustrative", "illustrative");

    public static readonly IReadOnlyList<HxlColumn> Columns =
    [
        Id, Organization, Area, AreaName, Description, Classification, Global, ScopeCountries, ScopeRegions, Personnel, Budget, Assets,
        ReadinessDays, MandateBasis, Contact, LastVerified, Illustrative,
    ];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var items = await db.Capabilities.AsNoTracking().Where(AccessPolicy.ReadFilter<Capability>(actor.Subject, actor.Grants)).ToListAsync(ct);
        await ExchangeAudit.RecordReadsAsync(db, items, ct);
        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.NameEn, ct);
        // A contact the reader may not read is left out, as the API leaves it out.
        var readablePeople = (await db.People.AsNoTracking().Where(AccessPolicy.ReadFilter<Person>(actor.Subject, actor.Grants))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var rows = items.OrderBy(c => codes.GetValueOrDefault(c.OwnerOrganizationId), StringComparer.Ordinal).ThenBy(c => c.AreaCode, StringComparer.Ordinal)
            .ThenBy(c => c.Id)
            .Select(c => (IReadOnlyList<string?>)
            [
                c.Id.ToString(), codes.GetValueOrDefault(c.OwnerOrganizationId), c.AreaCode, areas.GetValueOrDefault(c.AreaCode), c.Description,
                ExchangeFormat.Enum(c.Classification), ExchangeFormat.Bool(c.Global), ExchangeFormat.List(c.ScopeCountries),
                ExchangeFormat.List(c.ScopeRegions), ExchangeFormat.Int(c.Personnel), ExchangeFormat.Enum(c.Budget), c.Assets,
                ExchangeFormat.Int(c.ReadinessDays), c.MandateBasis,
                c.ContactPersonId is { } p && readablePeople.Contains(p) ? p.ToString() : null,
                ExchangeFormat.Date(c.LastVerified), ExchangeFormat.Bool(c.Illustrative),
            ]);
        return HxlWriter.Write(Columns, rows);
    }

    internal static async Task ImportAsync(ImportRun run, HxlTable table, CancellationToken ct)
    {
        foreach (var row in table.Rows)
            await run.RunAsync(row, r => ApplyAsync(r, run, ct), ct);
    }

    private static async Task<RowOutcome> ApplyAsync(ExchangeRow row, ImportRun run, CancellationToken ct)
    {
        var db = run.Db;
        var id = row.Id(Id);
        var code = row.Text(Organization)?.ToUpperInvariant();
        var area = row.Text(Area);
        var classification = row.Enum<Classification>(Classification);
        if (row.IsRejected) return RowOutcome.Rejected;
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) { row.Reject(Organization, $"No organization has code '{code}'."); return RowOutcome.Rejected; }

        var existing = await FindAsync(row, run, id, org, area!, ct);
        if (row.IsRejected) return RowOutcome.Rejected;
        var target = existing ?? new Capability { Id = id ?? Guid.CreateVersion7(), OwnerOrganizationId = org.Id, AreaCode = "", Description = "" };
        var label = new RecordLabel(org.Id, classification ?? existing?.Classification ?? Interlock.Shared.Classification.Partners, Capability.Category);
        var before = existing is null ? label : RecordLabel.Of(existing);

        var fields = new CapabilityFields(area,
            row.Has(Description) ? row.Text(Description) : target.Description,
            row.Has(ReadinessDays) ? row.Int(ReadinessDays) : existing?.ReadinessDays,
            row.Has(LastVerified) ? row.Date(LastVerified) : existing?.LastVerified,
            row.Has(Global) ? row.Bool(Global) : target.Global,
            row.Has(ScopeCountries) ? row.List(ScopeCountries) : target.ScopeCountries,
            row.Has(ScopeRegions) ? row.List(ScopeRegions) : target.ScopeRegions,
            row.Has(Personnel) ? row.Int(Personnel) : target.Personnel,
            row.Has(Budget) ? row.Enum<BudgetBand>(Budget) : target.Budget,
            row.Has(Assets) ? row.Text(Assets) : target.Assets,
            row.Has(MandateBasis) ? row.Text(MandateBasis) : target.MandateBasis,
            row.Has(Contact) ? row.Id(Contact) : target.ContactPersonId,
            row.Has(Illustrative) ? row.Bool(Illustrative) : target.Illustrative);
        if (row.IsRejected) return RowOutcome.Rejected;
        var (countries, regions) = (target.ScopeCountries, target.ScopeRegions);
        var errors = await CapabilityWrites.ApplyAsync(target, fields, label.Classification, db, run.Actor.Today, ct);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }
        // Equal lists are kept as they were, so that an unchanged row leaves the record unchanged.
        if (countries.SequenceEqual(target.ScopeCountries)) target.ScopeCountries = countries;
        if (regions.SequenceEqual(target.ScopeRegions)) target.ScopeRegions = regions;

        var outcome = existing is null ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        outcome = run.Permit(row, outcome, before, Organization, $"You may not {(existing is null ? "record" : "change")} capabilities of {code}");
        if (outcome == RowOutcome.Created) db.Capabilities.Add(target);
        return outcome;
    }

    /// <summary>The capability the row updates: by id, else the organization's only one in the area; null for a new one.</summary>
    private static async Task<Capability?> FindAsync(ExchangeRow row, ImportRun run, Guid? id, Organization org, string area, CancellationToken ct)
    {
        var db = run.Db;
        if (id is { } given)
        {
            var byId = await db.Capabilities.FirstOrDefaultAsync(c => c.Id == given, ct);
            if (byId is null) return null;
            // Not readable looks like "not yours": the id says nothing more about a record the reader may not see.
            if (!run.Actor.CanRead(RecordLabel.Of(byId)) || byId.OwnerOrganizationId != org.Id)
                row.Reject(Id, $"This id belongs to a capability that is not one of {org.Code}'s; leave the id empty to record a new one.");
            return byId;
        }
        // Only readable ones: a row must not find (and so reveal) a capability its importer may not see.
        var same = (await db.Capabilities.Where(c => c.OwnerOrganizationId == org.Id && c.AreaCode == area).ToListAsync(ct))
            .Where(c => run.Actor.CanRead(RecordLabel.Of(c))).ToList();
        if (same.Count > 1)
            row.Reject(Id, $"{org.Code} has {same.Count} capabilities in {area}: give the id of the one this row changes.");
        return same.Count == 1 ? same[0] : null;
    }
}
