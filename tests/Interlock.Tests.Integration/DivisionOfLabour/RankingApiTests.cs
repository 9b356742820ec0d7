using System.Net;
using System.Text.Json.Nodes;
using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>GET /api/v1/needs/{id}/candidates: the ranking with its parts, under the access policy.</summary>
public abstract class RankingApiTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : RankingApiTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : RankingApiTests(f), IClassFixture<PostgresFixture>;

    /// <summary>Records a situation and a need in it directly (the needs API is built elsewhere).</summary>
    private Task<Guid> NeedAsync(string owner, string area, string iso3, Classification classification = Classification.Partners,
        int? withinDays = null) => App.WithDbAsync(async db =>
    {
        var org = await db.Organizations.Where(o => o.Code == owner).Select(o => o.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var situation = new Situation
        {
            OwnerOrganizationId = org, Classification = Classification.Partners, Title = $"Ranking test {Guid.NewGuid():N}", CountryIso3 = iso3,
            Stage = PreventionStage.PreventiveDiplomacy, WatchFrom = new DateOnly(2024, 1, 1), CreatedAt = now, UpdatedAt = now,
        };
        var need = new Need
        {
            OwnerOrganizationId = org, Classification = classification, SituationId = situation.Id, AreaCode = area, CountryIso3 = iso3,
            Priority = NeedPriority.High, NeededWithinDays = withinDays, StartOn = new DateOnly(2024, 3, 1), CreatedAt = now, UpdatedAt = now,
        };
        db.Situations.Add(situation);
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return need.Id;
    });

    private static JsonNode Candidate(JsonNode ranking, string code) =>
        ranking["candidates"]!.AsArray().Single(c => c!["organization"].Str() == code)!;

    private static JsonNode Part(JsonNode candidate, string part) => candidate["parts"]!.AsArray().Single(p => p!["code"].Str() == part)!;

    [Fact]
    public async Task Lists_every_organization_ranked_with_the_value_weight_contribution_and_sentence_of_each_part()
    {
        var (_, reader) = await App.ApiUserAsync("AU", Role.Reader, TokenScope.Read);
        var id = await NeedAsync("AU", "mediation", "LBR");
        var r = await reader.GetJsonAsync($"/api/v1/needs/{id}/candidates");
        Assert.Equal(14, r["daysNeeded"]!.GetValue<int>());
        var candidates = r["candidates"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => c!["rank"]!.GetValue<int>()));
        Assert.Equal("ECOWAS", candidates[0]!["organization"].Str());
        var ecowas = candidates[0]!;
        Assert.Equal(0.6375, ecowas["score"]!.GetValue<double>());
        Assert.Equal(["capability", "capacity", "membership", "scope", "presence", "mandate"], ecowas["parts"]!.AsArray().Select(p => p!["code"].Str()));
        var membership = Part(ecowas, "membership");
        Assert.Equal((1.0, 0.15, 0.15), (membership["value"]!.GetValue<double>(), membership["weight"]!.GetValue<double>(), membership["contribution"]!.GetValue<double>()));
        Assert.Equal("Liberia is a member since 1975-05-28 (on 2024-03-01, when the need starts): 1.00", membership["sentence"].Str());

        var top = await reader.GetJsonAsync($"/api/v1/needs/{id}/candidates?limit=2");
        Assert.Equal(["ECOWAS", "AU"], top["candidates"]!.AsArray().Select(c => c!["organization"].Str()));
        await (await reader.GetAsync($"/api/v1/needs/{id}/candidates?limit=0")).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_a_need_the_caller_may_not_read_is_404()
    {
        var id = await NeedAsync("ECOWAS", "mediation", "SLE", Classification.Confidential);
        await (await App.Client().GetAsync($"/api/v1/needs/{id}/candidates")).ExpectAsync(HttpStatusCode.Unauthorized);

        var (_, other) = await App.ApiUserAsync("AU", Role.Analyst, TokenScope.Read);
        await (await other.GetAsync($"/api/v1/needs/{id}/candidates")).ExpectAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/needs/{Guid.NewGuid()}/candidates")).ExpectAsync(HttpStatusCode.NotFound);

        var (_, owner) = await App.ApiUserAsync("ECOWAS", Role.Reader, TokenScope.Read);
        await (await owner.GetAsync($"/api/v1/needs/{id}/candidates")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_confidential_capability_of_another_organization_moves_nothing_for_a_reader_without_a_sharing_agreement()
    {
        const string Owner = "SADC", Stranger = "ASEAN", Partner = "CARICOM";
        var id = await NeedAsync(Owner, "mediation", "MNG");
        var (_, stranger) = await App.ApiUserAsync(Stranger, Role.Analyst, TokenScope.Read);
        var before = (await stranger.GetJsonAsync($"/api/v1/needs/{id}/candidates")).ToJsonString();

        // SADC records a confidential, fast, well-resourced mediation capability naming Mongolia.
        await App.WithDbAsync(async db =>
        {
            var org = await db.Organizations.Where(o => o.Code == Owner).Select(o => o.Id).SingleAsync();
            db.Capabilities.Add(new Capability
            {
                OwnerOrganizationId = org, Classification = Classification.Confidential, AreaCode = "mediation", Description = "Confidential envoys",
                ScopeCountries = ["MNG"], ReadinessDays = 1, Personnel = 400, Budget = BudgetBand.Over100M, MandateBasis = "Internal decision",
                LastVerified = new DateOnly(2024, 1, 1),
            });
            return await db.SaveChangesAsync();
        });

        // The stranger sees exactly the same ranking, to the last sentence.
        Assert.Equal(before, (await stranger.GetJsonAsync($"/api/v1/needs/{id}/candidates")).ToJsonString());

        // SADC's own readers see their capability counted...
        var (_, own) = await App.ApiUserAsync(Owner, Role.Reader, TokenScope.Read);
        var sadc = Candidate(await own.GetJsonAsync($"/api/v1/needs/{id}/candidates"), Owner);
        Assert.Equal(1, sadc["rank"]!.GetValue<int>());
        Assert.Equal("Capability in mediation, ready in 1 day, within the 14 needed: 1.00", Part(sadc, "capability")["sentence"].Str());

        // ...and so does a partner whose agreement with SADC in force covers capabilities at the confidential level.
        var (_, ownerAdmin) = await App.ApiUserAsync(Owner, Role.OrgAdmin);
        var (_, partnerAdmin) = await App.ApiUserAsync(Partner, Role.OrgAdmin);
        var agreement = await ownerAdmin.CreateAgreementAsync([Owner, Partner], App.Clock.Today, null, dataCategories: [Categories.Capability]);
        var (_, partner) = await App.ApiUserAsync(Partner, Role.Reader, TokenScope.Read);
        Assert.Equal(0, Part(Candidate(await partner.GetJsonAsync($"/api/v1/needs/{id}/candidates"), Owner), "capability")["value"]!.GetValue<double>());
        await partnerAdmin.ConfirmAgreementAsync(agreement["id"]!.GetValue<Guid>());
        Assert.Equal(1, Part(Candidate(await partner.GetJsonAsync($"/api/v1/needs/{id}/candidates"), Owner), "capability")["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_confidential_engagement_counts_for_presence_only_for_those_who_may_read_it()
    {
        var id = await NeedAsync("AU", "mediation", "BFA");
        await App.WithDbAsync(async db =>
        {
            var ecowas = await db.Organizations.Where(o => o.Code == "ECOWAS").Select(o => o.Id).SingleAsync();
            db.Engagements.Add(new Engagement
            {
                OwnerOrganizationId = ecowas, OrganizationId = ecowas, Classification = Classification.Confidential, AreaCode = "mediation",
                CountryIso3 = "BFA", StartOn = new DateOnly(2024, 1, 1), Form = CooperationForm.DiplomaticSupport, Role = EngagementRole.Lead,
                Status = EngagementStatus.Active, MandateKind = MandateKind.OrganizationDecision, MandateReference = "Authority decision",
            });
            return await db.SaveChangesAsync();
        });
        var (_, au) = await App.ApiUserAsync("AU", Role.Reader, TokenScope.Read);
        var (_, ecowasReader) = await App.ApiUserAsync("ECOWAS", Role.Reader, TokenScope.Read);
        Assert.Equal(0, Part(Candidate(await au.GetJsonAsync($"/api/v1/needs/{id}/candidates"), "ECOWAS"), "presence")["value"]!.GetValue<double>());
        Assert.Equal(0.5, Part(Candidate(await ecowasReader.GetJsonAsync($"/api/v1/needs/{id}/candidates"), "ECOWAS"), "presence")["value"]!.GetValue<double>());
    }
}
