using Interlock.Data;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Incidents;

/// <summary>
/// Writes an incident report into the event store (dataset <c>incident</c>, keyed by the report id, with the report's
/// label and only the reduced coordinates), then recomputes the <c>incident</c> series of the country-months it left
/// and entered, and asks the risk model to recompute them, in one transaction.
/// </summary>
public static class IncidentEvents
{
    public static async Task SaveAsync(InterlockDbContext db, IncidentReport report, IRiskRecomputer risk, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;

        var key = report.Id.ToString("D");
        var e = await db.ConflictEvents.FirstOrDefaultAsync(x => x.Dataset == EventDatasets.Incident && x.SourceEventId == key, ct);
        var touched = new HashSet<(string Iso3, DateOnly Month)>();
        if (e is null)
        {
            e = new ConflictEvent { Dataset = EventDatasets.Incident, SourceEventId = key, CountryIso3 = report.CountryIso3 };
            db.ConflictEvents.Add(e);
        }
        else touched.Add((e.CountryIso3, CountryMonth.MonthOf(e.DateStart)));

        var (lat, lon, _) = ReportedLocation.Reduce(report.Latitude, report.Longitude, report.Precision);
        e.CountryIso3 = report.CountryIso3;
        e.Admin1 = report.Admin1;
        e.DateStart = e.DateEnd = report.Date;
        e.ViolenceType = report.ViolenceType;
        e.Best = e.Low = e.High = report.Fatalities;
        e.Latitude = lat;
        e.Longitude = lon;
        e.SideA = report.SideA;
        e.SideB = report.SideB;
        e.OwnerOrganizationId = report.OwnerOrganizationId;
        e.Classification = report.Classification;
        await db.SaveChangesAsync(ct);
        if (report.EventId != e.Id)
        {
            report.EventId = e.Id;
            await db.SaveChangesAsync(ct);
        }

        touched.Add((report.CountryIso3, CountryMonth.MonthOf(report.Date)));
        foreach (var (iso3, month) in touched) await RecomputeMonthAsync(db, iso3, month, ct);
        await db.SaveChangesAsync(ct);
        await risk.RecomputeAsync(db, touched.ToList(), ct);
        if (own is not null) await own.CommitAsync(ct);
    }

    /// <summary>
    /// One country-month of the <c>incident</c> series from its public events, by the same rules as the import's
    /// recompute (month of the start date, Σ best by type, distinct first-level areas). A restricted report never counts.
    /// </summary>
    public static async Task RecomputeMonthAsync(InterlockDbContext db, string iso3, DateOnly month, CancellationToken ct)
    {
        var next = month.AddMonths(1);
        var events = await db.ConflictEvents.AsNoTracking()
            .Where(x => x.Dataset == EventDatasets.Incident && x.CountryIso3 == iso3 && x.DateStart >= month && x.DateStart < next &&
                        x.Classification == Classification.Public)
            .Select(x => new { x.ViolenceType, x.Best, x.Admin1 })
            .ToListAsync(ct);
        var row = await db.CountryMonths.FirstOrDefaultAsync(m => m.Series == EventDatasets.Incident && m.CountryIso3 == iso3 && m.Month == month, ct);
        if (events.Count == 0)
        {
            if (row is not null) db.CountryMonths.Remove(row);
            return;
        }
        if (row is null)
        {
            row = new CountryMonth { Series = EventDatasets.Incident, CountryIso3 = iso3, Month = month };
            db.CountryMonths.Add(row);
        }
        int Sum(ViolenceType t) => events.Where(x => x.ViolenceType == t).Sum(x => x.Best);
        row.StateBased = Sum(ViolenceType.StateBased);
        row.NonState = Sum(ViolenceType.NonState);
        row.OneSided = Sum(ViolenceType.OneSided);
        row.Other = Sum(ViolenceType.Other);
        row.Events = events.Count;
        row.Admin1Areas = events.Where(x => x.Admin1 is not null).Select(x => x.Admin1).Distinct().Count();
    }
}
