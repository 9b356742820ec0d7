using Interlock.Capabilities;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;

namespace Interlock.Web.Registry;

public sealed record CoveringCapabilityDto(Guid Id, string AreaCode, string Description, int ReadinessDays, string Coverage, bool Stale, bool Illustrative);

public sealed record FocalPointDto(Guid PersonId, string FullName, string? JobTitle, string? Email, string? Phone, IReadOnlyList<string> Languages,
    DateOnly Since);

public sealed record CoveringOrganizationDto(string Code, string NameEn, string NameFr, OrganizationKind Kind, bool ChapterViii, bool Member,
    string? MemberSince, IReadOnlyList<CoveringCapabilityDto> Capabilities, IReadOnlyList<FocalPointDto> EarlyWarningFocalPoints);

public sealed record CoverageDto(CountryDto Country, IReadOnlyList<CoveringOrganizationDto> Organizations);

/// <summary>GET /api/v1/countries/{iso3}/coverage: open to all, each part filtered by the access policy.</summary>
public static class CoverageEndpoints
{
    public static void MapCoverageApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/countries").WithTags("Registry").AllowAnonymous()
            .MapGet("/{iso3}/coverage", Coverage).WithName("GetCountryCoverage").Produces<CoverageDto>();

    internal static async Task<IResult> Coverage(string iso3, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var result = await CountryCoverage.ForAsync(db, access, iso3, ct);
        if (result is null) return ApiConventions.NotFound($"Country '{iso3}'");
        var today = access.Today;
        return TypedResults.Ok(new CoverageDto(CountryDto.From(result.Country), result.Organizations.Select(o => new CoveringOrganizationDto(
            o.Organization.Code, o.Organization.NameEn, o.Organization.NameFr, o.Organization.Kind, o.Organization.ChapterViii,
            o.Membership is not null,
            o.Membership is { } m ? PartialDate.Format(m.Joined, m.JoinedPrecision) : null,
            o.Capabilities.Select(c => new CoveringCapabilityDto(c.Capability.Id, c.Capability.AreaCode, c.Capability.Description,
                c.Capability.ReadinessDays, c.How, c.Capability.IsStale(today), c.Capability.Illustrative)).ToList(),
            o.EarlyWarningFocalPoints.Select(f => new FocalPointDto(f.Person.Id, f.Person.FullName, f.Person.JobTitle, f.Person.Email,
                f.Person.Phone, f.Person.Languages, f.Role.Start)).ToList())).ToList()));
    }
}
