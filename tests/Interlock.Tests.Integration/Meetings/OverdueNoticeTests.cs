using System.Net;
using Interlock.Inbox;
using Interlock.Meetings;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.Meetings;

/// <summary>Overdue action items raise one notice in each owner's inbox, visible to its officers, however often the work runs.</summary>
public abstract class OverdueNoticeTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : OverdueNoticeTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : OverdueNoticeTests(f), IClassFixture<PostgresFixture>;

    private Task<List<InboxItem>> NoticesAsync(Guid decision) => App.WithDbAsync(db =>
        db.InboxItems.AsNoTracking().Where(i => i.Kind == InboxKinds.OverdueActionItem && i.SourceId.StartsWith(decision.ToString("N"))).ToListAsync());

    [Fact]
    public async Task An_overdue_decision_notifies_each_owner_once()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var today = App.Clock.Today;
        var overdue = (await au.CreateDecisionAsync(meeting.Id(), ["AU", "ECOWAS"], dueOn: today.AddDays(-1).ToString("yyyy-MM-dd"))).Id();
        var notYet = (await au.CreateDecisionAsync(meeting.Id(), ["AU"], dueOn: today.AddDays(5).ToString("yyyy-MM-dd"))).Id();

        // Called directly, as the background service does.
        await App.WithDbAsync(db => MeetingsMaintenance.RunAsync(db, today));
        var notices = await NoticesAsync(overdue);
        Assert.Equal(2, notices.Count);
        var au1 = await App.OrganizationIdAsync("AU");
        var ecowas = await App.OrganizationIdAsync("ECOWAS");
        Assert.Equal(new[] { au1, ecowas }.Order(), notices.Select(n => n.RecipientOrganizationId).Order());
        Assert.All(notices, n => Assert.Equal($"/decisions/{overdue}", n.Link));
        Assert.Empty(await NoticesAsync(notYet));

        // Again, directly and through the API: nothing new.
        await App.WithDbAsync(db => MeetingsMaintenance.RunAsync(db, today));
        using var admin = App.Client(await App.CreateTokenAsync(await App.CreateUserAsync("UN", Role.Administrator)));
        await (await admin.PostJsonAsync("/api/v1/standing-committee/run", new { })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await NoticesAsync(overdue)).Count);

        // Visible to ECOWAS's focal point, not to its readers nor to another organization.
        var focal = new Subject("u1", "ecowas-focal", ecowas, Role.FocalPoint);
        var reader = new Subject("u2", "ecowas-reader", ecowas, Role.Reader);
        var other = new Subject("u3", "oas-focal", await App.OrganizationIdAsync("OAS"), Role.FocalPoint);
        var ecowasNotice = notices.Single(n => n.RecipientOrganizationId == ecowas);
        Assert.True(InboxRules.IsVisibleTo(ecowasNotice, focal));
        Assert.False(InboxRules.IsVisibleTo(ecowasNotice, reader));
        Assert.False(InboxRules.IsVisibleTo(ecowasNotice, other));
        var visible = await App.WithDbAsync(db => db.InboxItems.Where(InboxRules.VisibleTo(focal)).Select(i => i.Id).ToListAsync());
        Assert.Contains(ecowasNotice.Id, visible);

        // Once implemented, the next run raises nothing more; a later overdue decision does.
        await (await au.ChangeStatusAsync(overdue, new { status = "implemented", evidence = new { note = "Done" } })).ExpectAsync(HttpStatusCode.OK);
        App.Clock.SetToday(today.AddDays(10));
        await App.WithDbAsync(db => MeetingsMaintenance.RunAsync(db, App.Clock.Today));
        Assert.Equal(2, (await NoticesAsync(overdue)).Count);
        Assert.Single(await NoticesAsync(notYet));
    }

    [Fact]
    public async Task A_confidential_decision_owned_with_another_organization_does_not_leak_its_text()
    {
        var (_, au) = await App.ApiUserAsync("AU", Role.Contributor);
        var meeting = await au.CreateMeetingAsync();
        var created = await au.CreateDecisionAsync(meeting.Id(), ["AU", "SADC"], classification: "confidential", dueOn: App.Clock.Today.AddDays(-3).ToString("yyyy-MM-dd"));
        await App.WithDbAsync(db => OverdueNotices.PostAsync(db, App.Clock.Today));
        var notices = await NoticesAsync(created.Id());
        var sadc = await App.OrganizationIdAsync("SADC");
        Assert.DoesNotContain(created["text"].Str(), notices.Single(n => n.RecipientOrganizationId == sadc).Title);
        Assert.Contains(created["text"].Str(), notices.Single(n => n.RecipientOrganizationId != sadc).Title);
    }

    [Fact]
    public async Task Unknown_statuses_of_the_history_raise_no_notice()
    {
        await App.WithDbAsync(db => MeetingsMaintenance.RunAsync(db, App.Clock.Today));
        var seeded = await App.WithDbAsync(db => db.Decisions.Where(d => d.Key != null).Select(d => d.Id.ToString()).ToListAsync());
        var sources = await App.WithDbAsync(db => db.InboxItems.Where(i => i.Kind == InboxKinds.OverdueActionItem).Select(i => i.SourceId).ToListAsync());
        Assert.DoesNotContain(sources, s => seeded.Any(id => s.StartsWith(Guid.Parse(id).ToString("N"))));
    }
}
