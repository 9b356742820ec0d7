using Interlock.Data;
using Interlock.DivisionOfLabour.Ranking;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Interlock.Web.DivisionOfLabour;

/// <param name="Code">capability, capacity, membership, scope, presence or mandate.</param>
/// <param name="Contribution">Weight × value: what this part adds to the score.</param>
public sealed record CandidatePartDto(string Code, double Value, double Weight, double Contribution, string Sentence);

public sealed record CandidateDto(int Rank, string Organization, string Name, double Score, IReadOnlyList<CandidatePartDto> Parts);

/// <param name="DaysNeeded">The need's own number of days, else the default for its priority.</param>
public sealed record CandidateRankingDto(Guid Need, string Area, string Country, int DaysNeeded, IReadOnlyList<CandidateDto> Candidates);

/// <summary>
/// The ranking of candidate organizations for a need (docs/division-of-labour.md, "Candidate ranking"). Only what the
/// caller may read is weighed: the facts are loaded through the access policy's read filter.
/// </summary>
public static class RankingEndpoints
{
    public static IServiceCollection AddCandidateRanking(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RankingOptions>().Bind(config.GetSection(RankingOptions.Section))
            .Validate(o => !o.Problems().Any(), "The DivisionOfLabour:Ranking section is invalid: see docs/division-of-labour.md.").ValidateOnStart();
        return services;
    }

    public static void MapCandidateRankingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/needs").WithTags("Division of labour").RequireAuthorization();
        api.MapGet("/{id:guid}/candidates", Candidates).WithName("NeedCandidates");
    }

    /// <param name="limit">Only the first candidates (all when absent).</param>
    internal static async Task<IResult> Candidates(Guid id, int? limit, InterlockDbContext db, AccessService access, IOptions<RankingOptions> options,
        CancellationToken ct)
    {
        if (limit is < 1) return ApiConventions.Validation("limit", "Must be 1 or more.");
        var need = await db.Needs.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null || !await access.CanReadAsync(need, ct)) return ApiConventions.NotFound("Need");

        var facts = await RankingFactsLoader.LoadAsync(db, need, access.Subject, await access.GrantsAsync(ct), ct);
        var ranking = CandidateRanking.Rank(facts, options.Value);
        await access.AuditReadsAsync([need], ct);
        await access.AuditReadsAsync(facts.Capabilities, ct);
        await access.AuditReadsAsync(facts.Engagements, ct);

        var shown = limit is { } n ? ranking.Take(n) : ranking;
        return TypedResults.Ok(new CandidateRankingDto(need.Id, need.AreaCode, need.CountryIso3, options.Value.DaysNeeded(need),
            shown.Select(ToDto).ToList()));
    }

    public static CandidateDto ToDto(Candidate c) => new(c.Rank, c.OrganizationCode, c.OrganizationName, Round(c.Score),
        c.Parts.Select(p => new CandidatePartDto(char.ToLowerInvariant(p.Code[0]) + p.Code[1..], Round(p.Value), p.Weight, Round(p.Contribution),
            p.Sentence)).ToList());

    // Four decimals: enough to tell scores apart as shown, without binary noise (0.30000000000000004) in the JSON.
    private static double Round(double v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);
}
