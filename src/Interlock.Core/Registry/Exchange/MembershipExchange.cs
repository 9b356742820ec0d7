using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Member states as an HXL CSV file, one row per membership period, keyed by organization, country and join date
/// (an empty join date is a date not known). Writes are decided on the organization's registry entry.
/// </summary>
public static class MembershipExchange
{
    public static readonly HxlColumn Organization = new("Organization", "#org+code", "organization", Required: true);
    public static readonly HxlColumn OrganizationName = new("Organization name", "#org+name", ExportOnly: true);
    public static readonly HxlColumn Country = new("Country", "#country+code", "iso3", Required: true);
    public static readonly HxlColumn CountryName = new("Country name", "#country+name", ExportOnly: true);
    public static readonly HxlColumn Joined = new("Joined", "#date+start", "joined", Required: true);
    public static readonly HxlColumn Left = new("Left", "#date+end", "left");
    public static readonly HxlColumn Note = new("Note", "#description", "note");

    public static readonly IReadOnlyList<HxlColumn> Columns = [Organization, OrganizationName, Country, CountryName, Joined, Left, Note];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        var orgs = (await db.Organizations.AsNoTracking().ToListAsync(ct)).Where(o => actor.CanRead(RecordLabel.Of(o))).ToDictionary(o => o.Id);
        var members = await db.Memberships.AsNoTracking().Include(m => m.Country).ToListAsync(ct);
        var rows = members.Where(m => orgs.ContainsKey(m.OrganizationId))
            .OrderBy(m => orgs[m.OrganizationId].Code, StringComparer.Ordinal).ThenBy(m => m.CountryIso3, StringComparer.Ordinal).ThenBy(m => m.Joined)
            .Select(m => (IReadOnlyList<string?>)
            [
                orgs[m.OrganizationId].Code, orgs[m.OrganizationId].NameEn, m.CountryIso3, m.Country?.NameEn,
                PartialDate.Format(m.Joined, m.JoinedPrecision), m.Left is { } l ? PartialDate.Format(l, m.LeftPrecision) : null, m.Note,
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
        var code = row.Text(Organization)?.ToUpperInvariant();
        var iso3 = row.Text(Country)?.ToUpperInvariant();
        if (code is null || iso3 is null) return RowOutcome.Rejected;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) { row.Reject(Organization, $"No organization has code '{code}'."); return RowOutcome.Rejected; }

        // The join date is part of the key: "" (not known) is stored as the earliest date with an unknown precision.
        var joined = row.Raw(Joined) ?? "";
        var key = DateOnly.MinValue;
        if (joined.Length > 0 && !PartialDate.TryParse(joined, endOfPeriod: false, out key, out _)) key = DateOnly.MaxValue;
        var existing = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == org.Id && m.CountryIso3 == iso3 && m.Joined == key, ct);
        var known = await db.Countries.AnyAsync(c => c.Iso3 == iso3, ct);
        var others = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == org.Id && m.CountryIso3 == iso3).ToListAsync(ct);

        var target = existing ?? new Membership { OrganizationId = org.Id, CountryIso3 = "" };
        var leftPrecision = target.LeftPrecision;
        var left = row.Has(Left) ? row.Text(Left) : target.Left is { } l ? PartialDate.Format(l, target.LeftPrecision) : null;
        var note = row.Has(Note) ? row.Text(Note) : target.Note;
        var errors = MembershipRules.Apply(target, iso3, known, joined, left, note, others);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }
        if (existing is not null && target.Left is null) target.LeftPrecision = leftPrecision;

        var outcome = existing is null ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        outcome = run.Permit(row, outcome, RecordLabel.Of(org), Organization, $"You may not change the members of {code}");
        if (outcome == RowOutcome.Created) db.Memberships.Add(target);
        // The members are part of the organization's entry: a change to them is a new version of it.
        if (outcome is RowOutcome.Created or RowOutcome.Updated) db.Entry(org).Property(o => o.Version).IsModified = true;
        return outcome;
    }
}
