using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.DivisionOfLabour;

/// <summary>
/// How a need, a transition plan or a cooperation record hangs on its situation: the writer must be able to read the
/// situation (an unreadable one is reported as unknown, so its existence does not leak) and the places must agree.
/// </summary>
public static class SituationLink
{
    public const string Unavailable = "No situation with this id is available to you.";

    public static async Task<Situation?> ReadableAsync(InterlockDbContext db, ExchangeActor actor, Guid? id, CancellationToken ct)
    {
        if (id is not { } sid) return null;
        var s = await db.Situations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sid, ct);
        return s is not null && actor.CanRead(RecordLabel.Of(s)) ? s : null;
    }

    /// <summary>A need belongs to a readable situation and lies in its country.</summary>
    public static async Task<ValidationErrors> CheckNeedAsync(InterlockDbContext db, ExchangeActor actor, Guid? situationId, string? countryIso3,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (situationId is null) return errors.Add("situationId", "A need belongs to a situation.");
        var s = await ReadableAsync(db, actor, situationId, ct);
        if (s is null) return errors.Add("situationId", Unavailable);
        var iso3 = countryIso3?.Trim().ToUpperInvariant();
        return errors.Require(iso3 is null || iso3 == s.CountryIso3, "countryIso3", $"Must be {s.CountryIso3}, the country of the situation.");
    }
}
