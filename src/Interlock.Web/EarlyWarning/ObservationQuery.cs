using System.Globalization;
using Interlock.Data;
using Interlock.EarlyWarning.Observations;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>The observation filters the list page, the API list and the CSV export share, checked with errors naming the parameter.</summary>
public sealed record ObservationQuery(string? Indicator, string? Country, string? Admin1, DateOnly? From, DateOnly? To, string? Owner)
{
    public static (ObservationQuery? Query, ValidationErrors Errors) Parse(string? indicator, string? country, string? admin1, string? from, string? to,
        string? owner)
    {
        var errors = new ValidationErrors();
        var f = Month(from, "from", errors);
        var t = Month(to, "to", errors);
        errors.Require(f is null || t is null || f <= t, "to", "Must not be before 'from'.");
        var q = new ObservationQuery(ObservationRules.Clean(indicator), ObservationRules.Clean(country)?.ToUpperInvariant(), ObservationRules.Clean(admin1),
            f, t, ObservationRules.Clean(owner));
        return (errors.IsEmpty ? q : null, errors);
    }

    public static DateOnly? Month(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "A month as YYYY-MM.");
        return null;
    }

    public async Task<IQueryable<Observation>> ApplyAsync(IQueryable<Observation> q, InterlockDbContext db, CancellationToken ct)
    {
        if (Indicator is not null) q = q.Where(o => o.IndicatorCode == Indicator);
        if (Country is not null) q = q.Where(o => o.CountryIso3 == Country);
        if (Admin1 is not null) q = q.Where(o => o.Admin1 == Admin1);
        if (From is { } f) q = q.Where(o => o.Month >= f);
        if (To is { } t) q = q.Where(o => o.Month <= t);
        if (Owner is not null)
        {
            var ownerId = await db.Organizations.Where(o => o.Code == Owner).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            q = q.Where(o => o.OwnerOrganizationId == ownerId);
        }
        return q;
    }

    public static IOrderedQueryable<Observation> Ordered(IQueryable<Observation> q) =>
        q.OrderByDescending(o => o.Month).ThenBy(o => o.CountryIso3).ThenBy(o => o.IndicatorCode).ThenBy(o => o.Id);
}
