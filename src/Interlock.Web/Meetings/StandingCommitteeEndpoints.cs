using System.Text;
using Interlock.Data;
using Interlock.Meetings;
using Interlock.Security;
using Interlock.Web.Api;
using Interlock.Web.Security;

namespace Interlock.Web.Meetings;

/// <summary>The standing committee's implementation report (JSON, CSV, HTML) and the "run now" of the periodic work.</summary>
public static class StandingCommitteeEndpoints
{
    public static void MapStandingCommitteeApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/standing-committee").WithTags("Meetings").AllowAnonymous();
        open.MapGet("/report", Report).WithName("ImplementationReport");
        open.MapGet("/report.csv", ReportCsv).WithName("ImplementationReportCsv");
        open.MapGet("/report.html", ReportHtml).WithName("ImplementationReportHtml");

        app.MapPost("/api/v1/standing-committee/run", Run).WithTags("Meetings").WithName("RunMeetingsMaintenance").RequireAuthorization();
    }

    private static async Task<(StandingCommitteeReport? Report, IResult? Error)> LoadAsync(InterlockDbContext db, AccessService access, Guid? meeting,
        string? owner, CancellationToken ct)
    {
        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var orgs = await MeetingQueries.OrganizationsAsync(db, ct);
            if (MeetingQueries.ByCode(orgs, owner) is not { } org) return (null, ApiConventions.Validation("owner", "No organization has this code."));
            ownerId = org.Id;
        }
        return (await StandingCommitteeReport.LoadAsync(db, access, meeting, ownerId, ct), null);
    }

    internal static async Task<IResult> Report(InterlockDbContext db, AccessService access, Guid? meeting, string? owner, CancellationToken ct)
    {
        var (report, error) = await LoadAsync(db, access, meeting, owner, ct);
        if (error is not null) return error;
        var r = report!;
        return TypedResults.Ok(new ReportDto(r.AsOf,
            r.Totals.ToDictionary(t => ReportExport.BucketName(t.Key), t => t.Value),
            r.Rows.Select(row => new ReportRowDto(row.MeetingId, r.MeetingTitle(row.MeetingId), r.OwnerCode(row.OwnerId),
                StandingCommitteeReport.Shown.ToDictionary(ReportExport.BucketName, row.Count),
                StandingCommitteeReport.Shown.ToDictionary(ReportExport.BucketName,
                    b => (IReadOnlyList<Guid>)(row.Items.GetValueOrDefault(b) ?? []).Select(i => i.Id).ToList()))).ToList()));
    }

    internal static async Task<IResult> ReportCsv(InterlockDbContext db, AccessService access, Guid? meeting, string? owner, CancellationToken ct)
    {
        var (report, error) = await LoadAsync(db, access, meeting, owner, ct);
        if (error is not null) return error;
        return TypedResults.File(Encoding.UTF8.GetBytes(ReportExport.Csv(report!)), "text/csv; charset=utf-8", $"implementation-report-{report!.AsOf:yyyy-MM-dd}.csv");
    }

    internal static async Task<IResult> ReportHtml(InterlockDbContext db, AccessService access, Guid? meeting, string? owner, HttpContext http, CancellationToken ct)
    {
        var (report, error) = await LoadAsync(db, access, meeting, owner, ct);
        if (error is not null) return error;
        var baseUri = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        return TypedResults.Content(ReportExport.Html(report!, baseUri), "text/html; charset=utf-8");
    }

    /// <summary>Runs the periodic work now (occurrences, overdue notices): the secretariat's Administrator only.</summary>
    internal static async Task<IResult> Run(InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        if (!access.Subject.Has(Role.Administrator) || !access.Subject.CanUseWriteScope)
            return ApiConventions.Forbidden("Only the secretariat's Administrator may run the periodic work.");
        var outcome = await MeetingsMaintenance.RunAsync(db, access.Today, ct);
        return TypedResults.Ok(new MaintenanceDto(outcome.OccurrencesAdded, outcome.NoticesPosted));
    }
}
