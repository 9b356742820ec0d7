using Interlock.Data;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Risk;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>
/// Analysts' assessments of a country's risk: anyone lists those the access policy lets them read; an Analyst records
/// one for their own organization (<see cref="RiskAssessmentRules"/>). Assessments are never edited: a new judgement is a new one.
/// </summary>
public static class AssessmentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/countries/{iso3}/assessments").WithTags("Early warning").AllowAnonymous()
            .MapGet("/", List).WithName("ListRiskAssessments");
        app.MapGroup("/api/v1/countries/{iso3}/assessments").WithTags("Early warning").RequireAuthorization()
            .MapPost("/", Create).WithName("CreateRiskAssessment");
    }

    internal static async Task<IResult> List(string iso3, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var code = iso3.Trim().ToUpperInvariant();
        if (!await db.Countries.AnyAsync(c => c.Iso3 == code, ct)) return ApiConventions.NotFound($"Country '{iso3}'");
        var rows = await RiskQueries.AssessmentsAsync(db, access, code, ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    internal static async Task<IResult> Create(string iso3, AssessmentInput input, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        var subject = access.Subject;
        var classification = input.Classification ?? Classification.Partners;
        var owner = subject.OrganizationId!.Value;
        if (!string.IsNullOrWhiteSpace(input.Organization))
        {
            var named = await db.Organizations.Where(o => o.Code == input.Organization.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (named is null) return ApiConventions.Validation("organization", $"No organization has the code '{input.Organization}'.");
            owner = named.Value;
        }
        var allowed = RiskAssessmentRules.MayRecord(subject, owner, classification);
        if (!allowed.Allowed) return ApiConventions.Forbidden(allowed.Reason);

        var code = iso3.Trim().ToUpperInvariant();
        var month = MonthParameter.Parse(input.Month, "month", new ValidationErrors());
        var known = await db.Countries.AnyAsync(c => c.Iso3 == code, ct);
        var errors = RiskAssessmentRules.Validate(code, known, month, access.Today, input.Level, input.Justification);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);

        var assessment = await RecordAsync(db, access, code, month!.Value, input.Level!.Value, input.Justification!, classification, ct);
        var org = await db.Organizations.Where(o => o.Id == owner).Select(o => o.Code).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/countries/{code}/assessments", ToDto(new AssessmentRow(assessment, org)));
    }

    /// <summary>Stores an assessment already checked by <see cref="RiskAssessmentRules"/> (the page uses this too).</summary>
    internal static async Task<RiskAssessment> RecordAsync(InterlockDbContext db, AccessService access, string iso3, DateOnly month, RiskLevel level,
        string justification, Classification classification, CancellationToken ct)
    {
        var assessment = new RiskAssessment
        {
            Id = Guid.CreateVersion7(), CountryIso3 = iso3, Month = CountryMonth.MonthOf(month), Level = level, Justification = justification.Trim(),
            Classification = classification, OwnerOrganizationId = access.Subject.OrganizationId!.Value,
            AuthorUserId = access.Subject.UserId, AuthorName = access.Subject.UserName, RecordedAt = db.Time.GetUtcNow(),
        };
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    internal static AssessmentDto ToDto(AssessmentRow r) => new(r.Assessment.Id, r.Assessment.CountryIso3, MonthParameter.Text(r.Assessment.Month),
        r.Assessment.Level, r.Assessment.Justification, r.Assessment.Classification, r.OrganizationCode, r.Assessment.AuthorName, r.Assessment.RecordedAt);
}
