using Microsoft.Extensions.Configuration;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// Alert configuration: <c>Alerts:IntervalSeconds</c> (how often each node evaluates; 0 turns the background
/// evaluation off), <c>Alerts:LookbackMonths</c> (how many months before the current one may still raise an alert:
/// a rise in an old month, e.g. after a historical import, is history rather than early warning),
/// <c>Alerts:PublicUrl</c> (the site address used in e-mails and CAP links) and <c>Alerts:CapSender</c>.
/// </summary>
public sealed record AlertSettings(int IntervalSeconds, int LookbackMonths, string? PublicUrl, string CapSender)
{
    public static AlertSettings Read(IConfiguration config) => new(
        Math.Max(0, config.GetValue("Alerts:IntervalSeconds", 300)),
        Math.Clamp(config.GetValue("Alerts:LookbackMonths", 3), 0, 120),
        config["Alerts:PublicUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null,
        config["Alerts:CapSender"] is { Length: > 0 } sender ? sender : "interlock@un.org");
}

/// <summary>
/// SMTP for alert e-mail: <c>Smtp:Host</c> (unset: no e-mail), <c>Smtp:Port</c> (25), <c>Smtp:From</c>,
/// <c>Smtp:UserName</c>/<c>Smtp:Password</c> (optional) and <c>Smtp:Security</c> (None, StartTls, SslOnConnect or
/// Auto, the default: STARTTLS when the server offers it).
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, string From, string? UserName, string? Password, string Security)
{
    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration config) => new(
        config["Smtp:Host"],
        config.GetValue("Smtp:Port", 25),
        config["Smtp:From"] is { Length: > 0 } from ? from : "interlock@localhost",
        config["Smtp:UserName"],
        config["Smtp:Password"],
        config["Smtp:Security"] is { Length: > 0 } s ? s : "Auto");
}
