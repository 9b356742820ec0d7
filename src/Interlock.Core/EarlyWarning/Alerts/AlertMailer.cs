using Interlock.Inbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Interlock.EarlyWarning.Alerts;

/// <summary>
/// Sends the e-mail copy of alert inbox items through SMTP (MailKit) and records on each item when it went out or
/// why it did not. One connection per batch; a failure of one message is recorded and the rest still go.
/// </summary>
public sealed class AlertMailer(SmtpSettings smtp)
{
    public bool Configured => smtp.Configured;

    public async Task SendAsync(IReadOnlyList<InboxItem> items, string? publicUrl, DateTimeOffset now, CancellationToken ct)
    {
        if (!Configured || items.Count == 0) return;
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var s) ? s : SecureSocketOptions.Auto, ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var item in items) item.EmailError = Trim($"SMTP {smtp.Host}:{smtp.Port}: {e.Message}");
            return;
        }
        foreach (var item in items)
        {
            try
            {
                await client.SendAsync(Message(item, publicUrl), ct);
                item.EmailedAt = now;
                item.EmailError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                item.EmailError = Trim(e.Message);
            }
        }
        try { await client.DisconnectAsync(quit: true, ct); }
        catch (Exception e) when (e is not OperationCanceledException) { /* the messages are already accepted */ }
    }

    private MimeMessage Message(InboxItem item, string? publicUrl)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(item.RecipientName ?? "", item.RecipientEmail!));
        message.Subject = "[Interlock alert] " + item.Title;
        var link = publicUrl is null ? item.Link : publicUrl + item.Link;
        message.Body = new TextPart("plain") { Text = $"{item.Body}\n\nAcknowledge it in Interlock: {link}\n" };
        message.Headers.Add("X-Interlock-Inbox-Item", item.Id.ToString("D"));
        return message;
    }

    private static string Trim(string text) => text.Length <= 1000 ? text : text[..1000];
}
