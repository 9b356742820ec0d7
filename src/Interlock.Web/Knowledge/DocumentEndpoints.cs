using Interlock.Data;
using Interlock.Knowledge;
using Interlock.Security;
using Interlock.Shared;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Knowledge;

public sealed record DocumentDto(Guid Id, string Owner, Classification Classification, string Title, string? Symbol,
    DateOnly? PublishedOn, string? Url, string? Summary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);

public sealed record DocumentWrite(string Title, Classification Classification, string? Symbol, DateOnly? PublishedOn, string? Url, string? Summary);

/// <summary>Documents of every organization, each visible as its owner decided. Anonymous callers see public ones.</summary>
public static class DocumentEndpoints
{
    public static void MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/documents").WithTags("Knowledge").AllowAnonymous();
        open.MapGet("/", List).WithName("ListDocuments");
        open.MapGet("/{id:guid}", Get).WithName("GetDocument");

        var api = app.MapGroup("/api/v1/documents").WithTags("Knowledge").RequireAuthorization();
        api.MapPost("/", Create).WithName("CreateDocument");
        api.MapPut("/{id:guid}", Update).WithName("UpdateDocument");
        api.MapDelete("/{id:guid}", Delete).WithName("DeleteDocument");
    }

    internal static async Task<Page<DocumentDto>> List(InterlockDbContext db, AccessService access, string? q, string? owner,
        int? offset, int? limit, CancellationToken ct)
    {
        var (skip, take) = Paging.Normalize(offset, limit);
        var query = await access.ReadableAsync(db.Documents.AsNoTracking(), ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLower();
            query = query.Where(d => d.Title.ToLower().Contains(term) || (d.Symbol != null && d.Symbol.ToLower().Contains(term)));
        }
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var ownerId = await db.Organizations.Where(o => o.Code == owner).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            query = query.Where(d => d.OwnerOrganizationId == ownerId);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.PublishedOn).ThenBy(d => d.Title).Skip(skip).Take(take).ToListAsync(ct);
        await access.AuditReadsAsync(items, ct);
        var codes = await OwnerCodesAsync(db, items, ct);
        return new Page<DocumentDto>(items.Select(d => ToDto(d, codes)).ToList(), total, skip, take);
    }

    internal static async Task<IResult> Get(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !await access.CanReadAsync(doc, ct)) return ApiConventions.NotFound("Document");
        await access.AuditReadsAsync([doc], ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(doc);
        return TypedResults.Ok(ToDto(doc, await OwnerCodesAsync(db, [doc], ct)));
    }

    internal static async Task<IResult> Create(DocumentWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var owner = access.Subject.OrganizationId!.Value;
        if (!access.CanCreate(Categories.Document, owner, body.Classification))
            return ApiConventions.Forbidden("Your role cannot create documents.");
        var errors = Document.Validate(body.Title, body.Symbol, body.PublishedOn, body.Url, access.Today);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        var now = db.Time.GetUtcNow();
        var doc = new Document
        {
            OwnerOrganizationId = owner, Classification = body.Classification, Title = body.Title.Trim(), Symbol = body.Symbol?.Trim(),
            PublishedOn = body.PublishedOn, Url = body.Url, Summary = body.Summary, CreatedAt = now, UpdatedAt = now,
        };
        db.Documents.Add(doc);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(doc);
        return TypedResults.Created($"/api/v1/documents/{doc.Id}", ToDto(doc, await OwnerCodesAsync(db, [doc], ct)));
    }

    internal static async Task<IResult> Update(Guid id, DocumentWrite body, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !await access.CanReadAsync(doc, ct)) return ApiConventions.NotFound("Document");
        var decision = access.DecideWrite(RecordLabel.Of(doc));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        if (ApiConventions.CheckIfMatch(http, doc) is { } failed) return failed;
        var errors = Document.Validate(body.Title, body.Symbol, body.PublishedOn, body.Url, access.Today);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        doc.Title = body.Title.Trim();
        doc.Classification = body.Classification;
        doc.Symbol = body.Symbol?.Trim();
        doc.PublishedOn = body.PublishedOn;
        doc.Url = body.Url;
        doc.Summary = body.Summary;
        doc.UpdatedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiConventions.ETagOf(doc);
        return TypedResults.Ok(ToDto(doc, await OwnerCodesAsync(db, [doc], ct)));
    }

    internal static async Task<IResult> Delete(Guid id, InterlockDbContext db, AccessService access, HttpContext http, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !await access.CanReadAsync(doc, ct)) return ApiConventions.NotFound("Document");
        var decision = access.DecideWrite(RecordLabel.Of(doc));
        if (!decision.Allowed) return ApiConventions.Forbidden(decision.Reason);
        if (ApiConventions.CheckIfMatch(http, doc) is { } failed) return failed;
        db.Documents.Remove(doc);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Dictionary<Guid, string>> OwnerCodesAsync(InterlockDbContext db, IEnumerable<Document> docs, CancellationToken ct)
    {
        var ids = docs.Select(d => d.OwnerOrganizationId).Distinct().ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
    }

    private static DocumentDto ToDto(Document d, IReadOnlyDictionary<Guid, string> codes) => new(d.Id, codes.GetValueOrDefault(d.OwnerOrganizationId, "?"),
        d.Classification, d.Title, d.Symbol, d.PublishedOn, d.Url, d.Summary, d.CreatedAt, d.UpdatedAt, d.Version);
}
