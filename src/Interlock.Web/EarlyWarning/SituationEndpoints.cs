using Interlock.Data;
using Interlock.EarlyWarning.Situations;
using Interlock.EarlyWarning.Situations.Ripeness;
using Interlock.EarlyWarning.Situations.Timeline;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

public sealed record SituationDto(Guid Id, string Owner, Classification Classification, string Title, string? Description, string Country,
    IReadOnlyList<string> Admin1Areas, PreventionStage Stage, IReadOnlyList<string> Organizations, DateOnly WatchFrom, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, long Version);

/// <param name="Organizations">Registry codes of the organizations involved.</param>
public sealed record SituationWrite(string Title, string? Description, string Country, string[]? Admin1Areas, PreventionStage? Stage,
    string[]? Organizations, DateOnly? WatchFrom, Classification Classification);

public sealed record NoteWrite(string Text);

public sealed record NoteDto(Guid Id, string Text, DateTimeOffset At, string? Author);

public sealed record TimelineEntryDto(DateOnly Date, TimelineEntryType Type, string Title, string? Detail, string? Link, Classification? Classification);

public sealed record RipenessConditionDto(string Code, string Title, ConditionState State, bool Required, IReadOnlyList<string> Facts);

public sealed record RipenessDto(bool Ripe, IReadOnlyList<RipenessConditionDto> Conditions);

/// <summary>Situations of concern over HTTP: list, read, create, update (If-Match), notes, the merged timeline and ripeness.</summary>
public static class SituationEndpoints
{
    public static void MapSituationApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/situations").WithTags("Early warning").AllowAnonymous();
        open.MapGet("/", List).WithName("ListSituations");
        open.MapGet("/{id:guid}", Get).WithName("GetSituation");
        open.MapGet("/{id:guid}/timeline", Timeline).WithName("SituationTimeline");
        open.MapGet("/{id:guid}/ripeness", Ripeness).WithName("SituationRipeness");

        var api = app.MapGroup("/api/v1/situations").WithTags("Early warning").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateSituation");
        api.MapPut("/{id:guid}", Update).WithName("UpdateSituation");
        api.MapPost("/{id:guid}/notes", AddNote).WithName("AddSituationNote");
    }

    internal static async Task<IResult> List(InterlockDbContext db, AccessService access, string? country, PreventionStage? stage, int? offset, int? limit,
        CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var q = await access.ReadableAsync(db.Situations.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(s => s.CountryIso3 == c); }
        if (stage is { } st) q = q.Where(s => s.Stage == st);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(s => s.CountryIso3).ThenBy(s => s.Title).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await ObservationEndpoints.OwnerCodesAsync(db, ct);
        return TypedResults.Ok(new Page<SituationDto>(items.Select(s => ToDto(s, codes)).ToList(), total, skip, take));
    }

    internal static async Task<IResult> Get(Guid id, SituationService service, InterlockDbContext db, AccessService access, HttpContext http,
        CancellationToken ct)
    {
        if (await service.ReadableAsync(id, ct) is not { } s) return ApiConventions.NotFound("Situation");
        await access.AuditReadsAsync([s], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(s);
        return TypedResults.Ok(ToDto(s, await ObservationEndpoints.OwnerCodesAsync(db, ct)));
    }

    internal static async Task<IResult> Create(SituationWrite body, SituationService service, InterlockDbContext db, HttpContext http, CancellationToken ct)
    {
        var (input, errors) = await InputAsync(body, service, ct);
        if (input is null) return ApiConventions.Validation(errors);
        var outcome = await service.CreateAsync(input, ct);
        if (outcome.Value is not { } s) return outcome.Failure("Situation");
        http.Response.Headers.ETag = ApiConventions.ETagOf(s);
        return TypedResults.Created($"/api/v1/situations/{s.Id}", ToDto(s, await ObservationEndpoints.OwnerCodesAsync(db, ct)));
    }

    internal static async Task<IResult> Update(Guid id, SituationWrite body, SituationService service, InterlockDbContext db, HttpContext http,
        CancellationToken ct)
    {
        if (await service.ReadableAsync(id, ct) is not { } current) return ApiConventions.NotFound("Situation");
        if (ApiConventions.CheckIfMatch(http, current) is { } failed) return failed;
        var (input, errors) = await InputAsync(body, service, ct);
        if (input is null) return ApiConventions.Validation(errors);
        var outcome = await service.UpdateAsync(id, current.Version, input, ct);
        if (outcome.Value is not { } s) return outcome.Failure("Situation");
        http.Response.Headers.ETag = ApiConventions.ETagOf(s);
        return TypedResults.Ok(ToDto(s, await ObservationEndpoints.OwnerCodesAsync(db, ct)));
    }

    internal static async Task<IResult> AddNote(Guid id, NoteWrite body, SituationService service, CancellationToken ct)
    {
        var outcome = await service.AddNoteAsync(id, body.Text, ct);
        if (outcome.Value is not { } n) return outcome.Failure("Situation");
        return TypedResults.Created($"/api/v1/situations/{id}/timeline", new NoteDto(n.Id, n.Text, n.At, n.AuthorName));
    }

    internal static async Task<IResult> Timeline(Guid id, SituationService service, string? type, CancellationToken ct)
    {
        if (await service.ReadableAsync(id, ct) is not { } s) return ApiConventions.NotFound("Situation");
        var only = new HashSet<TimelineEntryType>();
        foreach (var t in (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<TimelineEntryType>(t, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return ApiConventions.Validation("type", $"'{t}' is not one of {string.Join(", ", Enum.GetNames<TimelineEntryType>())}.");
            only.Add(parsed);
        }
        var entries = await service.TimelineAsync(s, only, ct);
        return TypedResults.Ok(entries.Select(e => new TimelineEntryDto(e.Date, e.Type, e.Title, e.Detail, e.Link, e.Classification)).ToList());
    }

    internal static async Task<IResult> Ripeness(Guid id, SituationService service, CancellationToken ct)
    {
        if (await service.ReadableAsync(id, ct) is not { } s) return ApiConventions.NotFound("Situation");
        var a = await service.RipenessAsync(s, ct);
        return TypedResults.Ok(new RipenessDto(a.Ripe, a.Conditions.Select(c => new RipenessConditionDto(c.Code, c.Title, c.State, c.Required, c.Facts)).ToList()));
    }

    private static async Task<(SituationRules.Input?, ValidationErrors)> InputAsync(SituationWrite body, SituationService service, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var byCode = await service.OrganizationIdsByCodeAsync(ct);
        var ids = new List<Guid>();
        foreach (var code in body.Organizations ?? [])
        {
            if (byCode.TryGetValue(code.Trim(), out var orgId)) ids.Add(orgId);
            else errors.Add("organizations", $"'{code}' is not an organization of the registry.");
        }
        if (!errors.IsEmpty) return (null, errors);
        return (new SituationRules.Input(body.Title, body.Description, body.Country, body.Admin1Areas ?? [], body.Stage, ids, body.WatchFrom,
            body.Classification), errors);
    }

    public static SituationDto ToDto(Situation s, IReadOnlyDictionary<Guid, string> codes) => new(s.Id, codes.GetValueOrDefault(s.OwnerOrganizationId, "?"),
        s.Classification, s.Title, s.Description, s.CountryIso3, s.Admin1Areas, s.Stage,
        s.InvolvedOrganizationIds.Select(i => codes.GetValueOrDefault(i, "?")).Order(StringComparer.Ordinal).ToList(), s.WatchFrom, s.CreatedAt,
        s.UpdatedAt, s.Version);
}
