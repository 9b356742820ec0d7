using System.CommandLine;
using Interlock.EarlyWarning.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Interlock.Cli.Commands;

/// <summary><c>interlock alerts evaluate</c>: one alert evaluation, as each web node's background service runs it.</summary>
public static class AlertCommands
{
    public static Command Create(CliContext cli)
    {
        var evaluate = new Command("evaluate",
            "Raise the alerts that risk levels and reported indicator values computed since the last evaluation call for, post them " +
            "to the recipients' inboxes and send the e-mails (Smtp__Host). Safe while web nodes run: one evaluation at a time.");
        evaluate.SetAction((parse, ct) => cli.RunAsync(parse, ct, async (services, database, token) =>
        {
            await CliContext.RequireSchemaAsync(services, database, token);
            using var scope = services.CreateScope();
            var run = await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(token);
            if (run.Skipped)
                cli.Out.WriteLine("skipped: another node is evaluating alerts right now");
            else
                cli.Out.WriteLine($"alerts raised: {run.Raised.Count}; inbox deliveries: {run.Deliveries}; e-mails sent: {run.Emailed}; e-mail failures: {run.EmailFailed}");
            return ExitCodes.Ok;
        }));

        var alerts = new Command("alerts", "Early-warning alerts.");
        alerts.Subcommands.Add(evaluate);
        return alerts;
    }
}
