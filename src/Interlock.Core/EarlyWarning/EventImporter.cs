using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Interlock.EarlyWarning;

/// <summary>
/// Imports an event file into the store in one transaction: all of it or nothing. The file is read on one thread
/// and written on another, through each database's bulk path (<see cref="SqliteEventWriter"/>,
/// <see cref="PostgresEventWriter"/>), never through EF change tracking. Events are keyed by dataset and the
/// dataset's event id: a re-import of the same file changes no event, a newer release updates the events that
/// changed. Afterwards the country-months the import touched are recomputed, and one audit entry names the batch.
/// </summary>
public static class EventImporter
{
    private const long ImportLock = 7316031;

    public static async Task<ImportResult> ImportAsync(InterlockDbContext db, string dataset, Stream stream, ImportOptions options,
        CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var started = db.Time.GetUtcNow();
        var reader = EventFileReader.For(dataset, today: options.Today ?? DateOnly.FromDateTime(started.UtcDateTime));

        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        const string savepoint = "event_import";
        if (outer is not null) await outer.CreateSavepointAsync(savepoint, ct);
        var transaction = (outer ?? own)!.GetDbTransaction();

        // One import at a time (SQLite's transaction already holds the write lock): batch numbers stay unique.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        var batchId = (await db.ImportBatches.MaxAsync(b => (long?)b.Id, ct) ?? 0) + 1;
        // A dataset without events yet: its series is summed from the file while reading, not read back afterwards.
        var firstLoad = !await db.ConflictEvents.AnyAsync(e => e.Dataset == dataset, ct);
        // GED rows are about 700 bytes, ACLED rows about 400: a low estimate of the rows from the file's size.
        var length = options.TotalBytes ?? (stream.CanSeek ? stream.Length - stream.Position : null);
        var accumulator = firstLoad ? new CountryMonthAccumulator(length / 700) : null;

        IEventWriter writer = db.Database.IsNpgsql()
            ? new PostgresEventWriter((Npgsql.NpgsqlConnection)transaction.Connection!, (Npgsql.NpgsqlTransaction)transaction)
            : new SqliteEventWriter((Microsoft.Data.Sqlite.SqliteConnection)transaction.Connection!, (Microsoft.Data.Sqlite.SqliteTransaction)transaction,
                options.SqliteBulk, trackTouched: accumulator is null);
        await using (writer)
        {
            var stages = new List<ImportStageTime>();
            var mark = TimeSpan.Zero;
            void Stage(string name)
            {
                stages.Add(new ImportStageTime(name, clock.Elapsed - mark));
                mark = clock.Elapsed;
            }
            await writer.BeginAsync(dataset, batchId, options.OwnerOrganizationId, length / 1000, ct);
            Stage("prepare");
            await PumpAsync(reader, writer, stream, options, accumulator, ct);
            Stage("read and write");

            if (reader.HasRejections)
            {
                await writer.DisposeAsync(); // ends a COPY in progress, so the connection can roll back
                if (outer is not null) await outer.RollbackToSavepointAsync(savepoint, ct);
                else await own!.RollbackAsync(ct);
                return new ImportResult(dataset, options.FileName, reader.Rows, 0, 0, 0, reader.RejectedRows, reader.Rejections, 0, null, clock.Elapsed);
            }

            var (inserted, updated) = await writer.FinishAsync(ct);
            Stage("indexes");
            options.Progress?.Report(new ImportProgress(reader.Rows, reader.Bytes, reader.Bytes, ImportStages.Series));
            var firstRows = accumulator?.Rows();
            var months = firstRows is not null
                ? await CountryMonthSeries.ReplaceAsync(db, dataset, firstRows, ct)
                : await CountryMonthSeries.RecomputeTouchedAsync(db, dataset, ct);
            Stage("country-months");
            // Indicators and risk of what the import touched, in the same transaction (all or nothing).
            if (options.RecomputeRisk && months > 0)
                await Risk.RiskRecompute.RecomputeAsync(db, firstRows is not null
                    ? firstRows.Select(r => (r.CountryIso3, r.Month)).ToList()
                    : await Risk.RiskRecompute.ReadImportTouchedAsync(db, ct), ct);
            Stage("risk");
            await writer.EndAsync(ct);

            var unchanged = (int)reader.Rows - inserted - updated;
            var batch = new ImportBatch
            {
                Id = batchId, Dataset = dataset, FileName = Path.GetFileName(options.FileName), Bytes = reader.Bytes, Sha256 = reader.Sha256,
                OwnerOrganizationId = options.OwnerOrganizationId, UserName = db.Actor.UserName, StartedAt = started,
                CompletedAt = db.Time.GetUtcNow(), Rows = (int)reader.Rows, Inserted = inserted, Updated = updated, Unchanged = unchanged,
                CountryMonthsRecomputed = months,
            };
            db.ImportBatches.Add(batch);
            db.AuditNextSaveAsBatch(nameof(ImportBatch), batchId.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Serialize(new
            {
                file = batch.FileName, dataset, sha256 = batch.Sha256, rows = batch.Rows, inserted, updated, unchanged, countryMonths = months,
            }));
            await db.SaveChangesAsync(ct);
            if (outer is not null) await outer.ReleaseSavepointAsync(savepoint, ct);
            else await own!.CommitAsync(ct);
            Stage("commit");
            options.Progress?.Report(new ImportProgress(reader.Rows, reader.Bytes, reader.Bytes, ImportStages.Done));
            return new ImportResult(dataset, options.FileName, reader.Rows, inserted, updated, unchanged, 0, [], months, batchId, clock.Elapsed)
            {
                Stages = stages,
            };
        }
    }

    /// <summary>Reads the file on a worker thread and writes on this one; once a row is rejected nothing more is written.</summary>
    private static async Task PumpAsync(EventFileReader reader, IEventWriter writer, Stream stream, ImportOptions options,
        CountryMonthAccumulator? accumulator, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<ArraySegment<ParsedEvent>>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in reader.ReadBatches(stream, options.Progress, options.TotalBytes, stop.Token))
                {
                    if (reader.HasRejections) continue;
                    accumulator?.Add(batch, reader.Dataset);
                    await channel.Writer.WriteAsync(batch, stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
                if (!reader.HasRejections) await writer.WriteAsync(batch, stop.Token);
        }
        catch
        {
            stop.Cancel();
            try { await producer; } catch { /* the writer's error is the one to report */ }
            throw;
        }
        await producer;
    }

    /// <summary>The rows of a file without writing anything: the parse-and-validate pass on its own.</summary>
    public static (long Valid, EventFileReader Reader) Validate(string dataset, Stream stream, DateOnly? today = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var reader = EventFileReader.For(dataset, today: today);
        return (reader.Validate(stream, progress, ct), reader);
    }
}

/// <summary>A database's bulk path for events, inside the importer's transaction.</summary>
internal interface IEventWriter : IAsyncDisposable
{
    /// <param name="expectedRows">A rough count of the file's rows (from its size), to choose a strategy; null when unknown.</param>
    Task BeginAsync(string dataset, long batchId, Guid owner, long? expectedRows, CancellationToken ct);
    Task WriteAsync(ArraySegment<ParsedEvent> batch, CancellationToken ct);
    /// <summary>Stores what was written; returns how many events were new and how many changed.
    /// Leaves the touched country-months in the temporary table <c>cm_touched</c>.</summary>
    Task<(int Inserted, int Updated)> FinishAsync(CancellationToken ct);
    /// <summary>Removes the temporary objects before the transaction commits.</summary>
    Task EndAsync(CancellationToken ct);
}
