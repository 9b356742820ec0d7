using Interlock.Data;
using Interlock.EarlyWarning.Incidents;
using Interlock.EarlyWarning.Risk;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.EarlyWarning;

/// <summary>Recording, correcting and verifying incident reports under the access policy, for the pages and the API alike.</summary>
public sealed class IncidentService(InterlockDbContext db, AccessService access, IRiskRecomputer risk)
{
    public async Task<WriteOutcome<IncidentReport>> CreateAsync(IncidentRules.Input input, Classification classification, CancellationToken ct)
    {
        if (access.Subject.OrganizationId is not { } owner || !access.CanCreate(Categories.IncidentReport, owner, classification))
            return WriteOutcome<IncidentReport>.Denied("Your role cannot report incidents.");
        input = Normalize(input);
        var errors = IncidentRules.Validate(input, access.Today);
        errors.Require(Enum.IsDefined(classification), "classification", "Choose a classification.");
        if (!errors.IsEmpty) return WriteOutcome<IncidentReport>.Invalid(errors);
        var now = db.Time.GetUtcNow();
        var report = new IncidentReport
        {
            OwnerOrganizationId = owner, Classification = classification, CountryIso3 = input.CountryIso3!, IncidentType = "", Source = "",
            CreatedAt = now, UpdatedAt = now, CreatedBy = access.Subject.UserName,
        };
        IncidentRules.Apply(report, input);
        db.IncidentReports.Add(report);
        await IncidentEvents.SaveAsync(db, report, risk, ct);
        return WriteOutcome<IncidentReport>.Ok(report);
    }

    public async Task<WriteOutcome<IncidentReport>> UpdateAsync(Guid id, long expectedVersion, IncidentRules.Input input, Classification classification,
        CancellationToken ct)
    {
        var (report, failure) = await LoadForWriteAsync(id, expectedVersion, ct);
        if (report is null) return failure!;
        var decision = access.DecideWrite(RecordLabel.Of(report));
        if (!decision.Allowed) return WriteOutcome<IncidentReport>.Denied(decision.Reason);
        input = Normalize(input);
        var errors = IncidentRules.Validate(input, access.Today);
        errors.Require(Enum.IsDefined(classification), "classification", "Choose a classification.");
        if (!errors.IsEmpty) return WriteOutcome<IncidentReport>.Invalid(errors);
        IncidentRules.Correct(report, input, access.Subject.UserName, db.Time.GetUtcNow());
        report.Classification = classification;
        report.UpdatedAt = db.Time.GetUtcNow();
        await IncidentEvents.SaveAsync(db, report, risk, ct);
        return WriteOutcome<IncidentReport>.Ok(report);
    }

    public async Task<WriteOutcome<IncidentReport>> VerifyAsync(Guid id, long expectedVersion, VerificationStatus status, CancellationToken ct)
    {
        var (report, failure) = await LoadForWriteAsync(id, expectedVersion, ct);
        if (report is null) return failure!;
        var decision = IncidentRules.DecideVerification(access.Subject, report);
        if (!decision.Allowed) return WriteOutcome<IncidentReport>.Denied(decision.Reason);
        if (!Enum.IsDefined(status)) return WriteOutcome<IncidentReport>.Invalid(new ValidationErrors().Add("status", "One of unverified, verified, disputed."));
        IncidentRules.SetVerification(report, status, access.Subject.UserName, db.Time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return WriteOutcome<IncidentReport>.Ok(report);
    }

    private async Task<(IncidentReport?, WriteOutcome<IncidentReport>?)> LoadForWriteAsync(Guid id, long expectedVersion, CancellationToken ct)
    {
        var report = await db.IncidentReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await access.CanReadAsync(report, ct)) return (null, WriteOutcome<IncidentReport>.Missing);
        if (report.Version != expectedVersion) return (null, WriteOutcome<IncidentReport>.Changed);
        db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        return (report, null);
    }

    private static IncidentRules.Input Normalize(IncidentRules.Input i) => i with { CountryIso3 = i.CountryIso3?.Trim().ToUpperInvariant() };
}
