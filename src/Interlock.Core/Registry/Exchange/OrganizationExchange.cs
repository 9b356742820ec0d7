using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Organizations as an HXL CSV file, one row per organization, keyed by code. A column left out of an import keeps
/// the organization's current value; predecessors and parents may be organizations created further down the file.
/// </summary>
public static class OrganizationExchange
{
    public static readonly HxlColumn Code = new("Code", "#org+code", "code", Required: true);
    public static readonly HxlColumn NameEn = new("Name (English)", "#org+name+i_en", "nameEn");
    public static readonly HxlColumn NameFr = new("Name (French)", "#org+name+i_fr", "nameFr");
    public static readonly HxlColumn Kind = new("Kind", "#org+type", "kind");
    public static readonly HxlColumn ChapterViii = new("Chapter VIII", "#org+chapter_viii", "chapterViii");
    public static readonly HxlColumn Headquarters = new("Headquarters", "#country+code+headquarters", "headquartersIso3");
    public static readonly HxlColumn Established = new("Established", "#date+start", "established");
    public static readonly HxlColumn Dissolved = new("Dissolved", "#date+end", "dissolved");
    public static readonly HxlColumn Predecessor = new("Predecessor", "#org+code+predecessor", "predecessorCode");
    public static readonly HxlColumn Parent = new("Parent", "#org+code+parent", "parentCode");
    public static readonly HxlColumn PeacebuildingUnit = new("Peacebuilding unit", "#org+unit+peacebuilding", "peacebuildingUnit");

    public static readonly IReadOnlyList<HxlColumn> Columns =
        [Code, NameEn, NameFr, Kind, ChapterViii, Headquarters, Established, Dissolved, Predecessor, Parent, PeacebuildingUnit];

    public static IReadOnlyList<string?> ToRow(Organization o, IReadOnlyDictionary<Guid, string> codes) =>
    [
        o.Code, o.NameEn, o.NameFr, ExchangeFormat.Enum(o.Kind), ExchangeFormat.Bool(o.ChapterViii), o.HeadquartersIso3,
        o.Established is { } e ? PartialDate.Format(e, o.EstablishedPrecision) : null,
        o.Dissolved is { } d ? PartialDate.Format(d, o.DissolvedPrecision) : null,
        o.PredecessorId is { } p ? codes.GetValueOrDefault(p) : null,
        o.ParentId is { } pa ? codes.GetValueOrDefault(pa) : null,
        o.PeacebuildingUnit,
    ];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        // Registry entries are public today; the policy still decides, in memory (an organization's owner is itself, not a column).
        var orgs = (await db.Organizations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct))
            .Where(o => actor.CanRead(RecordLabel.Of(o))).ToList();
        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return HxlWriter.Write(Columns, orgs.Select(o => ToRow(o, codes)));
    }

    internal static async Task ImportAsync(ImportRun run, HxlTable table, CancellationToken ct)
    {
        foreach (var row in DependenciesFirst(table, run))
            await run.RunAsync(row, r => ApplyAsync(r, run, ct), ct);
    }

    /// <summary>Rows whose predecessor or parent is defined in the same file come after that row (an export is ordered by code).</summary>
    private static List<HxlRow> DependenciesFirst(HxlTable table, ImportRun run)
    {
        string? Peek(HxlRow r, HxlColumn c) => run.Row(r) is var x && x.Has(c) ? x.Raw(c)?.ToUpperInvariant() : null;
        var byCode = table.Rows.Where(r => Peek(r, Code) is { Length: > 0 }).GroupBy(r => Peek(r, Code)!).ToDictionary(g => g.Key, g => g.First());
        var ordered = new List<HxlRow>();
        var state = new Dictionary<HxlRow, bool>(); // false: visiting, true: done
        void Visit(HxlRow r)
        {
            if (state.ContainsKey(r)) return; // done, or a cycle that the link rule will reject
            state[r] = false;
            foreach (var dep in new[] { Peek(r, Predecessor), Peek(r, Parent) })
                if (dep is { Length: > 0 } && byCode.TryGetValue(dep, out var target)) Visit(target);
            state[r] = true;
            ordered.Add(r);
        }
        foreach (var r in table.Rows) Visit(r);
        return ordered;
    }

    private static async Task<RowOutcome> ApplyAsync(ExchangeRow row, ImportRun run, CancellationToken ct)
    {
        var db = run.Db;
        var code = row.Text(Code)?.ToUpperInvariant();
        var kind = row.Enum<OrganizationKind>(Kind);
        var chapterViii = row.Has(ChapterViii) ? row.Bool(ChapterViii) : (bool?)null;
        if (code is null) return RowOutcome.Rejected;
        var codeErrors = OrganizationRules.ValidateCode(code);
        if (!codeErrors.IsEmpty) { row.Reject(codeErrors); return RowOutcome.Rejected; }

        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, ct);
        var isNew = org is null;
        org ??= new Organization { Code = code, NameEn = "", NameFr = "" };
        if (isNew && kind is null && !row.IsRejected) row.Reject(Kind, "The kind of organization is required.");
        if (row.IsRejected) return RowOutcome.Rejected;

        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var current = ToRow(org, codes);
        string? Value(HxlColumn c) => row.Has(c) ? row.Text(c) : current[Columns.ToList().IndexOf(c)];
        var (establishedPrecision, dissolvedPrecision) = (org.EstablishedPrecision, org.DissolvedPrecision);
        var errors = await OrganizationWrites.ApplyAsync(org, Value(NameEn), Value(NameFr), kind ?? org.Kind, chapterViii ?? org.ChapterViii,
            Value(Headquarters), Value(Established), Value(Dissolved), Value(Predecessor), Value(Parent), Value(PeacebuildingUnit), db, ct);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }
        // The precision of a date that is not known means nothing; keeping it lets an unchanged row stay unchanged.
        if (!isNew && org.Established is null) org.EstablishedPrecision = establishedPrecision;
        if (!isNew && org.Dissolved is null) org.DissolvedPrecision = dissolvedPrecision;

        var outcome = isNew ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        // A new entry is owned by the new organization, so only the secretariat's Administrator passes the rule.
        outcome = run.Permit(row, outcome, RecordLabel.Of(org), Code,
            isNew ? $"Only the secretariat's Administrator adds organizations ({code} is new)" : $"You may not change {code}");
        if (outcome == RowOutcome.Created) db.Organizations.Add(org);
        return outcome;
    }
}
