using Interlock.EarlyWarning.Alerts;

namespace Interlock.Web.Alerts;

/// <summary>
/// Runs on every node: every <c>Alerts:IntervalSeconds</c> it asks <see cref="AlertEvaluator"/> to evaluate. The
/// evaluator's lock makes one node do the work while the others skip, so adding nodes never duplicates alerts.
/// </summary>
public sealed class AlertEvaluationService(IServiceScopeFactory scopes, AlertSettings settings, TimeProvider time,
    ILogger<AlertEvaluationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.IntervalSeconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(stoppingToken);
                if (run.Raised.Count > 0)
                    log.LogInformation("Raised {Alerts} alerts with {Deliveries} deliveries ({Emailed} e-mailed, {Failed} e-mail failures).",
                        run.Raised.Count, run.Deliveries, run.Emailed, run.EmailFailed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // A failed round (database restarting, SMTP down) is retried at the next tick.
                log.LogError(e, "Alert evaluation failed; it is retried in {Seconds} s.", settings.IntervalSeconds);
            }
        }
    }
}
