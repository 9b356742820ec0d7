using System.Text;
using System.Text.Json;
using Interlock.Data;
using Interlock.EarlyWarning;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Interlock.Tests.Integration.EarlyWarning;

/// <summary>Files and database snapshots the event-store tests share.</summary>
internal static class EventFixtures
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Providers => new("sqlite", "postgres");

    public const string GedHeader = "id,type_of_violence,country_id,country,adm_1,date_start,date_end,best,low,high,latitude,longitude,side_a,side_b";

    /// <summary>The real UCDP GED 23.1 file of the Central African Republic, as shipped in data/events/.</summary>
    public static string RealGedText()
    {
        using var reader = new StreamReader(ShippedEventData.Open(ShippedEventData.GedFile));
        return reader.ReadToEnd();
    }

    public static string WriteFile(string dir, string name, string text, bool bom = false)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));
        return path;
    }

    public static async Task<Guid> UnAsync(InterlockDbContext db) =>
        await db.Organizations.Where(o => o.Code == "UN").Select(o => o.Id).SingleAsync(Ct);

    public static async Task<ImportResult> ImportAsync(InterlockDbContext db, string dataset, string text, string name = "test.csv")
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await EventImporter.ImportAsync(db, dataset, stream, new ImportOptions
        {
            OwnerOrganizationId = await UnAsync(db), FileName = name, Today = new DateOnly(2026, 11, 26),
        }, Ct);
    }

    /// <summary>Everything an import may change, as text: events, country-months, batches and the audit log's length.</summary>
    public static async Task<string> SnapshotAsync(InterlockDbContext db)
    {
        var events = await db.ConflictEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new
        {
            e.Id, e.Dataset, e.SourceEventId, e.CountryIso3, e.Admin1, e.DateStart, e.DateEnd, e.ViolenceType, e.Best, e.Low, e.High,
            e.Latitude, e.Longitude, e.SideA, e.SideB, e.ImportBatchId, e.OwnerOrganizationId, e.Classification,
        }).ToListAsync(Ct);
        return JsonSerializer.Serialize(new
        {
            events,
            months = await MonthsAsync(db),
            batches = await db.ImportBatches.AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.Rows, b.Inserted }).ToListAsync(Ct),
            audit = await db.AuditEntries.CountAsync(Ct),
        });
    }

    public static async Task<string> MonthsAsync(InterlockDbContext db) => JsonSerializer.Serialize(await db.CountryMonths.AsNoTracking()
        .OrderBy(m => m.Series).ThenBy(m => m.CountryIso3).ThenBy(m => m.Month).ToListAsync(Ct));
}
