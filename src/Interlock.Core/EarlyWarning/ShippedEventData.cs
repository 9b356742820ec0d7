using System.Diagnostics;
using System.Security.Cryptography;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning;

/// <summary>
/// The real data shipped in data/events/ (see data/events/SOURCES.md), loaded on first start so a new installation
/// shows real events: UCDP GED 23.1 for the Central African Republic and VIEWS' state-based fatalities per
/// country-month for every country (2018 to April 2024). Idempotent: the files' fingerprint is recorded, and a
/// start with the same files does nothing. Nodes starting together take turns and the second finds it done.
/// </summary>
public static class ShippedEventData
{
    public const string GedFile = "ucdp_ged_car_231.csv";
    public const string SeriesFile = "views_ged_sb_cm.csv";
    private const string VersionName = "events";
    private const long LoadLock = 7316032;

    public sealed record Result(bool Skipped, ImportResult? Events, ReferenceSeries.LoadResult? Series, TimeSpan Elapsed);

    public static Stream Open(string file) => TryOpen(file)
        ?? throw new FileNotFoundException($"Event data file '{file}' is not embedded in {typeof(ShippedEventData).Assembly.GetName().Name}.");

    /// <summary>The reference series is optional: removing data/events/views_ged_sb_cm.csv ships the events alone.</summary>
    public static Stream? TryOpen(string file) => typeof(ShippedEventData).Assembly.GetManifestResourceStream("Interlock.EventData." + file);

    public static string Fingerprint()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { GedFile, SeriesFile })
        {
            using var s = TryOpen(file);
            if (s is null) continue;
            var buffer = new byte[81920];
            int n;
            while ((n = s.Read(buffer)) > 0) sha.AppendData(buffer.AsSpan(0, n));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Loads the shipped events and series unless this exact data is already loaded. Owned by the secretariat.</summary>
    public static async Task<Result> LoadAsync(InterlockDbContext db, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var fingerprint = Fingerprint();
        if ((await db.ReferenceDataVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Name == VersionName, ct))?.Sha256 == fingerprint)
            return new Result(true, null, null, clock.Elapsed);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LoadLock})", ct);
        var applied = await db.ReferenceDataVersions.FirstOrDefaultAsync(v => v.Name == VersionName, ct);
        if (applied?.Sha256 == fingerprint) return new Result(true, null, null, clock.Elapsed);

        var owner = await db.Organizations.Where(o => o.Code == DatabaseInitializer.SecretariatCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                    ?? throw new InvalidOperationException("The reference data (organization UN) must be seeded before the event data.");

        ImportResult events;
        await using (var ged = Open(GedFile))
            events = await EventImporter.ImportAsync(db, EventDatasets.UcdpGed, ged, new ImportOptions { OwnerOrganizationId = owner, FileName = GedFile, RecomputeRisk = false }, ct);
        if (!events.Succeeded)
            throw new InvalidDataException($"The shipped {GedFile} does not load: {string.Join("; ", events.Rejections.Take(5))}");

        ReferenceSeries.LoadResult? loaded = null;
        await using (var series = TryOpen(SeriesFile))
        {
            if (series is not null)
                loaded = await ReferenceSeries.LoadAsync(db, EventDatasets.ViewsGedSb, ReferenceSeries.ReadCsv(series, SeriesFile), SeriesFile, ct,
                    recomputeRisk: false);
        }
        // The indicators and risk levels of every country and month, once, so the first map shows real levels.
        await Risk.RiskRecompute.RecomputeAllAsync(db, ct);

        if (applied is null) db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = VersionName, Sha256 = fingerprint, AppliedAt = db.Time.GetUtcNow() });
        else { applied.Sha256 = fingerprint; applied.AppliedAt = db.Time.GetUtcNow(); }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(false, events, loaded, clock.Elapsed);
    }
}
