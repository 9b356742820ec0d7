using System.Text;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Reports;
using Interlock.DivisionOfLabour.Rules;
using Interlock.Web.Api;
using Interlock.Web.Registry;

namespace Interlock.Web.DivisionOfLabour;

public sealed record MatrixEntryDto(Guid Engagement, CooperationForm Form, EngagementRole Role, EngagementStatus Status, string Sentence);
public sealed record MatrixRowDto(string Organization, IReadOnlyDictionary<string, IReadOnlyList<MatrixEntryDto>> Cells);
public sealed record FindingDto(string Kind, Guid? Need, IReadOnlyList<string> Organizations, string Sentence);
public sealed record OverdueItemDto(Guid Plan, Guid Item, TransitionTopic Topic, int DaysOverdue, string Sentence);

/// <summary>What the rules find in a scope as of today: the matrix, overlaps, gaps, primacy flags and overdue transition items.</summary>
public sealed record DivisionReviewDto(DateOnly AsOf, IReadOnlyList<string> Areas, IReadOnlyList<MatrixRowDto> Matrix, IReadOnlyList<FindingDto> Overlaps,
    IReadOnlyList<FindingDto> Gaps, IReadOnlyList<FindingDto> Primacy, IReadOnlyList<OverdueItemDto> OverdueItems);

/// <summary>
/// The read side of the division of labour over HTTP: a situation's review, a country's or the filtered global one,
/// and the Article 54 report as HTML or Markdown. Anonymous callers get what is public; the rest follows the policy.
/// </summary>
public static class DivisionReviewEndpoints
{
    public static void MapDivisionReviewApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Division of labour").AllowAnonymous();
        open.MapGet("/situations/{id:guid}/division-of-labour", Situation).WithName("SituationDivisionOfLabour");
        open.MapGet("/division-of-labour", Scope).WithName("DivisionOfLabour");
        open.MapGet("/division-of-labour/article-54", Article54).WithName("Article54Report");
    }

    internal static async Task<IResult> Situation(Guid id, DivisionService division, CancellationToken ct) =>
        await division.ForSituationAsync(id, ct) is { } view ? TypedResults.Ok(ToDto(view)) : ApiConventions.NotFound("Situation");

    /// <param name="country">ISO 3166 alpha-3; everything when absent.</param>
    /// <param name="organization">Registry code of the engaged organization.</param>
    /// <param name="area">An area of the taxonomy; its sub-areas are included.</param>
    internal static async Task<IResult> Scope(string? country, string? organization, string? area, string? form, string? status,
        DivisionService division, Interlock.Data.InterlockDbContext db, CancellationToken ct)
    {
        var errors = new Interlock.Shared.ValidationErrors();
        var f = QueryEnum.Parse<CooperationForm>(form, "form", errors);
        var st = QueryEnum.Parse<EngagementStatus>(status, "status", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        Guid? orgId = null;
        if (!string.IsNullOrWhiteSpace(organization) && (orgId = await NeedEndpoints.OrganizationIdAsync(db, organization, ct)) is null)
            return ApiConventions.Validation("organization", $"'{organization}' is not an organization of the registry.");
        if (!string.IsNullOrWhiteSpace(area) && await NeedEndpoints.AreaCodesAsync(db, area, ct) is null)
            return ApiConventions.Validation("area", $"'{area}' is not an area of the taxonomy.");
        if (!string.IsNullOrWhiteSpace(country) && !Interlock.EarlyWarning.CountryCodes.Default.IsKnown(country.Trim().ToUpperInvariant()))
            return ApiConventions.Validation("country", $"'{country}' is not an ISO 3166 alpha-3 code of a known country.");
        var view = await division.ForCountryOrGlobalAsync(country, new DivisionFilter(orgId, string.IsNullOrWhiteSpace(area) ? null : area, f, st), ct);
        return TypedResults.Ok(ToDto(view));
    }

    /// <param name="format">html (default) or markdown.</param>
    internal static async Task<IResult> Article54(DateOnly? from, DateOnly? to, string? format, DivisionService division, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var period = Article54Period(from, to, today, out var error);
        if (error is not null) return ApiConventions.Validation(error.Value.Field, error.Value.Message);
        var markdown = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "md", StringComparison.OrdinalIgnoreCase);
        if (!markdown && format is not null && !string.Equals(format, "html", StringComparison.OrdinalIgnoreCase))
            return ApiConventions.Validation("format", "One of html or markdown.");
        var report = await division.Article54Async(period, ct);
        return markdown
            ? TypedResults.Text(Article54Markdown.Render(report), "text/markdown; charset=utf-8", Encoding.UTF8)
            : TypedResults.Text(Article54Html.Render(report), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The report's period: by default the last twelve months to today.</summary>
    public static Period Article54Period(DateOnly? from, DateOnly? to, DateOnly today, out (string Field, string Message)? error)
    {
        error = null;
        var end = to ?? today;
        var start = from ?? end.AddYears(-1).AddDays(1);
        if (start > end) error = ("from", "Must be on or before 'to'.");
        else if (start < Need.EarliestDate) error = ("from", "Must be on or after 1945-10-24.");
        return new Period(start, end);
    }

    public static DivisionReviewDto ToDto(DivisionView v)
    {
        var r = v.Review;
        var p = v.Picture;
        return new DivisionReviewDto(v.Today, r.Matrix.Areas,
            r.Matrix.Rows.Select(row => new MatrixRowDto(row.Code, row.Cells.ToDictionary(c => c.Key,
                c => (IReadOnlyList<MatrixEntryDto>)c.Value.Select(e => new MatrixEntryDto(e.EngagementId, e.Form, e.Role, e.Status, e.Sentence)).ToList()))).ToList(),
            r.Overlaps.Select(o => new FindingDto(o.Kind.ToString(), o.Need.Id, o.PartyCodes, o.Sentence)).ToList(),
            r.Gaps.Select(g => new FindingDto(g.Kind.ToString(), g.Need.Id, g.Ending.Select(e => p.CodeOf(e.OrganizationId)).Distinct().ToList(), g.Sentence)).ToList(),
            r.Primacy.Select(f => new FindingDto("Article53-54", null, [f.OrganizationCode], f.Sentence)).ToList(),
            r.Transitions.SelectMany(t => t.Overdue.Select(o => new OverdueItemDto(t.Plan.Id, o.Item.Id, o.Item.Topic, o.DaysOverdue, o.Sentence))).ToList());
    }
}
