using Interlock.Data;
using Interlock.Registry;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Security;

/// <summary>
/// Applies the one <see cref="AccessPolicy"/> to the current request: loads the sharing grants in force
/// today for the subject's organization, filters queries, checks single records and logs restricted reads.
/// Endpoints and pages use this and nothing else to decide access.
/// </summary>
public sealed class AccessService(IHttpContextAccessor http, InterlockDbContext db, TimeProvider time)
{
    private IReadOnlyList<SharingGrant>? _grants;

    public Subject Subject { get; } = SubjectFactory.From(http.HttpContext?.User);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<SharingGrant>> GrantsAsync(CancellationToken ct = default)
    {
        if (_grants is not null) return _grants;
        if (!Subject.IsAuthenticated) return _grants = [];
        var org = Subject.OrganizationId!.Value;
        var agreements = await db.SharingAgreements.AsNoTracking()
            .Include(a => a.Parties)
            .Where(a => a.Parties.Any(p => p.OrganizationId == org))
            .ToListAsync(ct);
        var today = Today;
        return _grants = agreements.SelectMany(a => a.GrantsFor(org, today)).ToList();
    }

    /// <summary>The records of <paramref name="query"/> the subject may read, filtered in the database.</summary>
    public async Task<IQueryable<T>> ReadableAsync<T>(IQueryable<T> query, CancellationToken ct = default) where T : class, IClassified =>
        query.Where(AccessPolicy.ReadFilter<T>(Subject, await GrantsAsync(ct)));

    public async Task<bool> CanReadAsync<T>(T record, CancellationToken ct = default) where T : IClassified =>
        AccessPolicy.CanRead(Subject, RecordLabel.Of(record), await GrantsAsync(ct));

    public AccessDecision DecideWrite(RecordLabel label) => AccessPolicy.Decide(Subject, Operation.Update, label, []);

    public bool CanWrite<T>(T record) where T : IClassified => AccessPolicy.CanWrite(Subject, RecordLabel.Of(record));

    /// <summary>May the subject create a record of this category owned by <paramref name="owner"/>?</summary>
    public bool CanCreate(string category, Guid owner, Classification classification = Classification.Public) =>
        AccessPolicy.Decide(Subject, Operation.Create, new RecordLabel(owner, classification, category), []).Allowed;

    /// <summary>Logs reads of confidential and strictly confidential records; written before the response.</summary>
    public async Task AuditReadsAsync<T>(IEnumerable<T> records, CancellationToken ct = default) where T : IClassified
    {
        var restricted = records.Where(r => r.Classification >= Classification.Confidential).ToList();
        if (restricted.Count == 0) return;
        foreach (var r in restricted)
            db.RecordRead(typeof(T).Name, r.Id.ToString("D"), $"{{\"classification\":\"{r.Classification}\"}}");
        await db.SaveChangesAsync(ct);
    }
}
