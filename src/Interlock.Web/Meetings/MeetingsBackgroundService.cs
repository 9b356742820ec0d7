using Interlock.Data;
using Interlock.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Meetings;

/// <summary>
/// Runs <see cref="MeetingsMaintenance"/> periodically (Meetings:MaintenanceIntervalMinutes, default 60; 0 switches it off).
/// Several nodes may run it: the work is idempotent and the inbox's unique index drops a notice posted twice.
/// </summary>
public sealed class MeetingsBackgroundService(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time,
    ILogger<MeetingsBackgroundService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Meetings:MaintenanceIntervalMinutes", 60);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<InterlockDbContext>();
                var outcome = await MeetingsMaintenance.RunAsync(db, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), stoppingToken);
                if (outcome.NoticesPosted + outcome.OccurrencesAdded > 0)
                    log.LogInformation("Meetings: {Occurrences} occurrences added, {Notices} overdue notices posted.", outcome.OccurrencesAdded, outcome.NoticesPosted);
            }
            catch (DbUpdateException e)
            {
                // Another node posted the same notice or occurrence first; the next run finds it there.
                log.LogInformation(e, "Meetings maintenance met concurrent work; it will run again.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Meetings maintenance failed; it will run again.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
