using System.Net;
using System.Text.Json.Nodes;
using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>The ripeness "needs" condition over HTTP: needs and covering engagements count only as far as the reader may read them.</summary>
public abstract class RipenessNeedsApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RipenessNeedsApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RipenessNeedsApiTests(f), IClassFixture<PostgresFixture>;

    private static async Task<JsonNode> NeedsConditionAsync(HttpClient client, Guid situation) =>
        (await client.GetJsonAsync($"/api/v1/situations/{situation}/ripeness"))["conditions"]!.AsArray().Single(c => c!["code"].Str() == "needs")!;

    [Fact]
    public async Task A_confidential_engagement_covers_the_need_only_for_those_who_may_read_it()
    {
        var situation = await App.WithDbAsync(async db =>
        {
            var au = await db.Organizations.Where(o => o.Code == "AU").Select(o => o.Id).SingleAsync();
            var ecowas = await db.Organizations.Where(o => o.Code == "ECOWAS").Select(o => o.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var s = new Situation
            {
                OwnerOrganizationId = au, Classification = Classification.Partners, Title = $"Lofa tensions {Guid.NewGuid():N}", CountryIso3 = "GIN",
                Stage = PreventionStage.PreventiveDiplomacy, WatchFrom = new DateOnly(2024, 1, 1), CreatedAt = now, UpdatedAt = now,
            };
            db.Situations.Add(s);
            db.Needs.Add(new Need
            {
                OwnerOrganizationId = au, SituationId = s.Id, AreaCode = "mediation", CountryIso3 = "GIN", Priority = NeedPriority.High,
                StartOn = new DateOnly(2024, 1, 1), CreatedAt = now, UpdatedAt = now,
            });
            // AU's confidential need: only AU (and its partners by agreement) count it.
            db.Needs.Add(new Need
            {
                OwnerOrganizationId = au, Classification = Classification.Confidential, SituationId = s.Id, AreaCode = "ddr", CountryIso3 = "GIN",
                Priority = NeedPriority.Low, StartOn = new DateOnly(2024, 1, 1), CreatedAt = now, UpdatedAt = now,
            });
            db.Engagements.Add(new Engagement
            {
                OwnerOrganizationId = ecowas, OrganizationId = ecowas, Classification = Classification.Confidential, AreaCode = "mediation",
                CountryIso3 = "GIN", StartOn = new DateOnly(2023, 6, 1), Form = CooperationForm.DiplomaticSupport, Role = EngagementRole.Lead,
                Status = EngagementStatus.Active, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
            return s.Id;
        });

        var (_, ecowas) = await App.ApiUserAsync("ECOWAS", Role.Reader, TokenScope.Read);
        var seenByEcowas = await NeedsConditionAsync(ecowas, situation);
        Assert.Equal("notMet", seenByEcowas["state"].Str());
        Assert.Equal("Covered: mediation in Guinea from 2024-01-01 (High priority), by ECOWAS.", Assert.Single(seenByEcowas["facts"]!.AsArray()).Str());

        var (_, au) = await App.ApiUserAsync("AU", Role.Reader, TokenScope.Read);
        var seenByAu = await NeedsConditionAsync(au, situation);
        Assert.Equal("met", seenByAu["state"].Str());
        Assert.Equal(["Not covered: mediation in Guinea from 2024-01-01 (High priority).", "Not covered: ddr in Guinea from 2024-01-01 (Low priority)."],
            seenByAu["facts"]!.AsArray().Select(f => f.Str()).Order(StringComparer.Ordinal).Reverse());
        Assert.False(seenByAu["required"]!.GetValue<bool>());

        var (_, other) = await App.ApiUserAsync("SADC", Role.Reader, TokenScope.Read);
        Assert.Equal("met", (await NeedsConditionAsync(other, situation))["state"].Str());
        Assert.Single((await NeedsConditionAsync(other, situation))["facts"]!.AsArray());
        await (await App.Client().GetAsync($"/api/v1/situations/{situation}/ripeness")).ExpectAsync(HttpStatusCode.NotFound);
    }
}
