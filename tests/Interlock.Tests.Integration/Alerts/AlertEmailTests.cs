using Interlock.Data;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.Tests.Integration.Alerts;

/// <summary>E-mail through a real SMTP server on loopback: sent messages and failures are recorded on the inbox items.</summary>
public abstract class AlertEmailTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : AlertEmailTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : AlertEmailTests(f), IClassFixture<PostgresFixture>;

    /// <summary>The app's evaluator with SMTP pointed at <paramref name="port"/>, as Smtp:Host/Smtp:Port would configure it.</summary>
    private async Task<AlertRun> EvaluateWithSmtpAsync(int port)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var mailer = new AlertMailer(new SmtpSettings("127.0.0.1", port, "alerts@interlock.test", null, null, "None"));
        return await new AlertEvaluator(services.GetRequiredService<InterlockDbContext>(), App.Clock, services.GetRequiredService<AlertSettings>(), mailer)
            .EvaluateAsync();
    }

    [Fact]
    public async Task Focal_points_with_an_address_get_the_alert_by_email_and_the_log_records_it()
    {
        await App.FocalPointAsync("UN", "Ursula Nkemelu", "ursula@un.example.org");
        await App.FocalPointAsync("AU", "Amina Bello", "amina@au.example.org");
        await App.FocalPointAsync("EU", "Erik Berg"); // no address: no e-mail, nothing to report
        App.Clock.SetToday(new DateOnly(2025, 6, 3));
        await App.RiskAsync("MLI", ("2025-05", RiskLevel.Watch), ("2025-06", RiskLevel.Alert));

        await using var smtp = new LoopbackSmtpServer();
        var run = await EvaluateWithSmtpAsync(smtp.Port);

        var alert = await App.AlertAsync("MLI", "2025-06", AlertTrigger.RiskRise);
        var items = await App.DeliveriesAsync(alert.Id);
        // Every item that names an address (the UN's and the AU's focal points among them) was sent once.
        var addresses = items.Where(i => i.RecipientEmail is not null).Select(i => i.RecipientEmail!).Order().ToList();
        Assert.Contains("amina@au.example.org", addresses);
        Assert.Contains("ursula@un.example.org", addresses);
        Assert.Equal(addresses, smtp.Received.SelectMany(m => m.To).Order());
        Assert.Equal(addresses.Count, run.Emailed);
        var mail = smtp.Received.Single(m => m.To.Contains("ursula@un.example.org"));
        Assert.Equal("alerts@interlock.test", mail.From);
        Assert.Contains("Subject: [Interlock alert] Mali: risk rose to Alert in 2025-06", mail.Data);
        Assert.Contains($"/alerts/{alert.Id}", mail.Data);

        items = await App.DeliveriesAsync(alert.Id);
        Assert.All(items.Where(i => i.RecipientEmail is not null), i => Assert.NotNull(i.EmailedAt));
        Assert.All(items.Where(i => i.RecipientEmail is null), i => Assert.Null(i.EmailedAt ?? (object?)i.EmailError));

        // Sent once: a later evaluation does not send again.
        await EvaluateWithSmtpAsync(smtp.Port);
        Assert.Equal(addresses.Count, smtp.Received.Count);
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_is_recorded_as_the_items_email_error()
    {
        await App.FocalPointAsync("ECOWAS", "Kofi Mensah", "kofi@ecowas.example.org");
        App.Clock.SetToday(new DateOnly(2025, 7, 2));
        await App.RiskAsync("GHA", ("2025-06", RiskLevel.Low), ("2025-07", RiskLevel.Warning));

        int closedPort;
        await using (var gone = new LoopbackSmtpServer()) closedPort = gone.Port;
        var run = await EvaluateWithSmtpAsync(closedPort);
        Assert.True(run.EmailFailed > 0);

        var alert = await App.AlertAsync("GHA", "2025-07", AlertTrigger.RiskRise);
        var kofi = Assert.Single(await App.DeliveriesAsync(alert.Id), i => i.RecipientEmail == "kofi@ecowas.example.org");
        Assert.Null(kofi.EmailedAt);
        Assert.Contains($"127.0.0.1:{closedPort}", kofi.EmailError);
    }
}
