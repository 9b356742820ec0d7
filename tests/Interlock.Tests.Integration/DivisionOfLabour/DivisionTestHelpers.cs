using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>Situations, needs and engagements written straight to the app's database, and the reader a test acts as.</summary>
public static class DivisionTestHelpers
{
    public static async Task<Situation> CreateSituationAsync(this InterlockFactory app, string title, string iso3, string ownerCode = "UN",
        Classification classification = Classification.Partners)
    {
        var owner = await app.OrganizationIdAsync(ownerCode);
        var situation = new Situation
        {
            Title = title, CountryIso3 = iso3, OwnerOrganizationId = owner, Classification = classification,
            Stage = PreventionStage.Peacebuilding, WatchFrom = new DateOnly(1989, 12, 24),
        };
        return await app.WithDbAsync(async db =>
        {
            db.Situations.Add(situation);
            await db.SaveChangesAsync();
            return situation;
        });
    }

    public static Task<T> AddAsync<T>(this InterlockFactory app, T record) where T : class =>
        app.WithDbAsync(async db =>
        {
            db.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    /// <summary>The subject and grants of <paramref name="user"/> today, as the web host and the CLI build them.</summary>
    public static Task<ExchangeActor> ActorAsync(this InterlockFactory app, TestUser user) =>
        app.WithDbAsync(async db => (await ExchangeActor.ForUserAsync(db, user.UserName, app.Clock.Today, default))!);

    public static Engagement Engagement(Guid owner, Guid organization, string area, DateOnly start, Guid? situation = null,
        Classification classification = Classification.Partners, EngagementRole role = EngagementRole.Lead,
        CooperationForm form = CooperationForm.CoDeployment, string iso3 = "LBR") => new()
    {
        OwnerOrganizationId = owner, OrganizationId = organization, AreaCode = area, CountryIso3 = iso3, StartOn = start,
        SituationId = situation, Classification = classification, Role = role, Form = form, Status = EngagementStatus.Active,
    };
}
