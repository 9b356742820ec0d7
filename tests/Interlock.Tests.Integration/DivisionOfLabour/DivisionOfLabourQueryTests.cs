using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Rules;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;
using static Interlock.Tests.Integration.DivisionOfLabour.DivisionTestHelpers;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>
/// The division-of-labour loader under the access policy: a confidential engagement stays with its owner and the
/// partners a confirmed sharing agreement for division.engagement names; everyone else's picture, and so the overlaps
/// the rules find in it, simply lacks it.
/// </summary>
public abstract class DivisionOfLabourQueryTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : DivisionOfLabourQueryTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : DivisionOfLabourQueryTests(f), IClassFixture<PostgresFixture>;

    private static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>A situation with a need, a partners engagement of the UN and a confidential one of a new organization on the same need.</summary>
    private async Task<(Guid Situation, string Owner, Engagement Open, Engagement Secret)> SceneAsync()
    {
        var owner = await App.NewOrganizationAsync();
        var ownerId = await App.OrganizationIdAsync(owner);
        var un = await App.OrganizationIdAsync("UN");
        var situation = await App.CreateSituationAsync($"Liberia {Guid.NewGuid():N}", "LBR");
        await App.AddAsync(new Need
        {
            SituationId = situation.Id, OwnerOrganizationId = un, AreaCode = "peacekeeping", CountryIso3 = "LBR", StartOn = Start,
            Priority = NeedPriority.High,
        });
        var open = await App.AddAsync(Engagement(un, un, "peacekeeping", Start, situation.Id, role: EngagementRole.Support));
        var secret = await App.AddAsync(Engagement(ownerId, ownerId, "peacekeeping", Start.AddDays(10), situation.Id, Classification.Confidential));
        return (situation.Id, owner, open, secret);
    }

    private async Task<DivisionPicture> PictureAsync(TestUser user, Guid situation)
    {
        var actor = await App.ActorAsync(user);
        return (await App.WithDbAsync(db => DivisionOfLabourQuery.ForSituationAsync(db, situation, actor.Subject, actor.Grants, default)))!;
    }

    private Task<Coverage> CoverageAsync() => App.WithDbAsync(db => DivisionOfLabourQuery.CoverageAsync(db, default));

    [Fact]
    public async Task A_confidential_engagement_is_seen_by_its_owner_and_by_a_partner_only_under_an_agreement_for_engagements()
    {
        var (situation, owner, open, secret) = await SceneAsync();
        var ownerUser = await App.CreateUserAsync(owner, Role.Reader);
        var au = await App.CreateUserAsync("AU", Role.Reader);

        Assert.Equal([open.Id, secret.Id], (await PictureAsync(ownerUser, situation)).Engagements.Select(e => e.Id));
        Assert.Equal([open.Id], (await PictureAsync(au, situation)).Engagements.Select(e => e.Id));

        // An agreement the reader's organization has not confirmed is not in force.
        var (_, ownerAdmin) = await App.ApiUserAsync(owner, Role.OrgAdmin);
        await ownerAdmin.CreateAgreementAsync([owner, "AU"], App.Clock.Today.AddDays(-1), null, "confidential", [Categories.Engagement]);
        Assert.Equal([open.Id], (await PictureAsync(au, situation)).Engagements.Select(e => e.Id));

        // An agreement for another category shares nothing of the engagements.
        await App.SharingAgreementAsync(owner, "AU", App.Clock.Today.AddDays(-1), null, [Categories.Need]);
        Assert.Equal([open.Id], (await PictureAsync(au, situation)).Engagements.Select(e => e.Id));

        await App.SharingAgreementAsync(owner, "AU", App.Clock.Today.AddDays(-1), null, [Categories.Engagement]);
        Assert.Equal([open.Id, secret.Id], (await PictureAsync(au, situation)).Engagements.Select(e => e.Id));

        // Another organization, named by no agreement, still does not see it.
        var ecowas = await App.CreateUserAsync("ECOWAS", Role.Reader);
        Assert.Equal([open.Id], (await PictureAsync(ecowas, situation)).Engagements.Select(e => e.Id));
    }

    [Fact]
    public async Task An_overlap_with_an_unreadable_engagement_is_reported_only_to_those_who_may_read_it()
    {
        var (situation, owner, open, secret) = await SceneAsync();
        var coverage = await CoverageAsync();
        var ownerUser = await App.CreateUserAsync(owner, Role.Reader);
        var outsider = await App.CreateUserAsync("OAS", Role.Reader);

        var seen = Assert.Single(OverlapRule.Find(await PictureAsync(ownerUser, situation), coverage));
        Assert.Equal([open.Id, secret.Id], seen.Engagements.Select(e => e.Id));
        Assert.Equal(new Period(Start.AddDays(10), null), seen.Period);
        Assert.Contains(owner, seen.PartyCodes);

        // The reader sees only what they may read: one organization on the need, so no overlap, and nothing that hints at the other.
        var picture = await PictureAsync(outsider, situation);
        Assert.Empty(OverlapRule.Find(picture, coverage));
        Assert.DoesNotContain(picture.Engagements, e => e.OrganizationId == secret.OrganizationId);
        Assert.Empty(GapRule.Find(picture, coverage, App.Clock.Today));
    }

    [Fact]
    public async Task Country_and_global_pictures_apply_the_filters_and_the_policy()
    {
        var (situation, owner, open, secret) = await SceneAsync();
        var ownerUser = await App.ActorAsync(await App.CreateUserAsync(owner, Role.Reader));
        var anonymous = Subject.Anonymous;

        var country = await App.WithDbAsync(db => DivisionOfLabourQuery.ForCountryAsync(db, "lbr", ownerUser.Subject, ownerUser.Grants,
            new DivisionFilter(Form: CooperationForm.CoDeployment, Status: EngagementStatus.Active), default));
        Assert.Contains(country.Engagements, e => e.Id == secret.Id);
        Assert.Contains(country.Needs, n => n.SituationId == situation);

        var onlyOwner = await App.WithDbAsync(db => DivisionOfLabourQuery.GlobalAsync(db, ownerUser.Subject, ownerUser.Grants,
            new DivisionFilter(OrganizationId: secret.OrganizationId), default));
        Assert.Equal([secret.Id], onlyOwner.Engagements.Select(e => e.Id));

        // "preventive-diplomacy" takes in mediation and good offices, not peacekeeping.
        var diplomacy = await App.WithDbAsync(db => DivisionOfLabourQuery.GlobalAsync(db, ownerUser.Subject, ownerUser.Grants,
            new DivisionFilter(AreaCode: "preventive-diplomacy"), default));
        Assert.DoesNotContain(diplomacy.Engagements, e => e.Id == open.Id);

        // Nothing of it is public: an anonymous reader sees neither the situation nor the engagements.
        Assert.Null(await App.WithDbAsync(db => DivisionOfLabourQuery.ForSituationAsync(db, situation, anonymous, [], default)));
        var global = await App.WithDbAsync(db => DivisionOfLabourQuery.GlobalAsync(db, anonymous, [], DivisionFilter.None, default));
        Assert.DoesNotContain(global.Engagements, e => e.Id == open.Id || e.Id == secret.Id);
    }
}
