using Interlock.EarlyWarning.Situations;
using Interlock.Registry;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour.Exchange;

/// <summary>What the rows of both files name: organizations by code, situations by id or title, the keeper of a record.</summary>
internal static class ExchangeLookups
{
    public static async Task<Organization?> OrganizationAsync(ExchangeRow row, ImportRun run, HxlColumn column, CancellationToken ct)
    {
        var code = row.Text(column)?.ToUpperInvariant();
        if (code is null) return null;
        var org = await run.Db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) row.Reject(column, $"No organization has code '{code}'.");
        return org;
    }

    /// <summary>
    /// The situation a row names: by id when given, else by title among the situations the importer may read (a title
    /// shared by two needs the id). Unreadable situations are "no such situation": a row reveals nothing.
    /// </summary>
    public static async Task<(bool Named, Guid? Id)> SituationAsync(ExchangeRow row, ImportRun run, HxlColumn idColumn, HxlColumn titleColumn,
        CancellationToken ct)
    {
        var readable = run.Db.Situations.AsNoTracking().Where(AccessPolicy.ReadFilter<Situation>(run.Actor.Subject, run.Actor.Grants));
        if (row.Has(idColumn) && row.Id(idColumn) is { } id)
        {
            if (await readable.AnyAsync(s => s.Id == id, ct)) return (true, id);
            row.Reject(idColumn, $"No situation you may read has the id {id}.");
            return (true, null);
        }
        if (!row.Has(titleColumn) || row.Text(titleColumn) is not { } title) return (false, null);
        var lower = title.ToLowerInvariant();
        var matches = await readable.Where(s => s.Title.ToLower() == lower).Select(s => s.Id).Take(2).ToListAsync(ct);
        if (matches.Count == 1) return (true, matches[0]);
        row.Reject(titleColumn, matches.Count == 0
            ? $"No situation you may read is titled '{title}'."
            : $"Several situations are titled '{title}': give the situation's id in the column {idColumn.Tag}.");
        return (true, null);
    }

    /// <summary>
    /// The organization that keeps the record: the one named in the row, else the record's keeper, else the importer's
    /// organization. A row cannot hand an existing record to another organization.
    /// </summary>
    public static async Task<Guid?> KeeperAsync(ExchangeRow row, ImportRun run, HxlColumn column, Guid? existingOwner, CancellationToken ct)
    {
        var named = row.Has(column) ? await OrganizationAsync(row, run, column, ct) : null;
        if (row.IsRejected) return null;
        if (named is not null && existingOwner is { } owner && owner != named.Id)
        {
            row.Reject(column, "The record is kept by another organization; a file cannot hand it over.");
            return null;
        }
        return named?.Id ?? existingOwner ?? run.Actor.Subject.OrganizationId;
    }
}
