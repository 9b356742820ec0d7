using System.Text;
using Interlock.Data;
using Interlock.Registry;
using Interlock.Web.Api;
using Interlock.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Web.Registry;

/// <summary>
/// vCard export of contacts. Only FocalPoint, Analyst, OrgAdmin and Administrator may take contacts out of the system
/// (<see cref="ContactExport"/>); the access policy still decides whom each of them sees. Every exported card is logged.
/// </summary>
public static class ContactCards
{
    public const string ContentType = VCardWriter.MediaType + "; charset=utf-8";

    internal static async Task<IResult> PersonCard(Guid id, InterlockDbContext db, AccessService access, CancellationToken ct)
    {
        if (!ContactExport.MayExport(access.Subject))
            return ApiConventions.Forbidden("Only the FocalPoint, Analyst, OrgAdmin and Administrator roles may export contacts.");
        var person = await db.People.AsNoTracking().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !await access.CanReadAsync(person, ct)) return ApiConventions.NotFound("Person");
        var card = await CardsAsync(db, access, [person], ct);
        return File(card, FileName(person.FullName));
    }

    /// <summary>Every current focal point of the organization the caller may read (optionally for one purpose).</summary>
    internal static async Task<IResult> FocalPointCards(string code, string? purpose, InterlockDbContext db, AccessService access,
        CancellationToken ct)
    {
        var errors = new Interlock.Shared.ValidationErrors();
        var why = QueryEnum.Parse<FocalPointPurpose>(purpose, "purpose", errors);
        if (!errors.IsEmpty) return ApiConventions.Validation(errors);
        if (!ContactExport.MayExport(access.Subject))
            return ApiConventions.Forbidden("Only the FocalPoint, Analyst, OrgAdmin and Administrator roles may export contacts.");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (org is null) return ApiConventions.NotFound($"Organization '{code}'");
        var holders = await PeopleQueries.CurrentHoldersAsync(db, access, [org.Id], PersonRoleKind.FocalPoint, why, ct);
        var people = holders.Select(h => h.Person).DistinctBy(p => p.Id).ToList();
        var cards = await CardsAsync(db, access, people, ct);
        return File(cards, $"{org.Code.ToLowerInvariant()}-focal-points.vcf");
    }

    /// <summary>The vCards of <paramref name="people"/>, each export logged as a read of personal data.</summary>
    public static async Task<string> CardsAsync(InterlockDbContext db, AccessService access, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var orgIds = people.Select(p => p.OwnerOrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameEn, ct);
        foreach (var p in people)
            db.RecordRead(nameof(Person), p.Id.ToString("D"), $"{{\"export\":\"vcard\",\"classification\":\"{p.Classification}\"}}");
        if (people.Count > 0) await db.SaveChangesAsync(ct);
        return VCardWriter.Write(people.Select(p => ContactExport.ToVCard(p, names.GetValueOrDefault(p.OwnerOrganizationId), access.Today)));
    }

    private static IResult File(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), ContentType, fileName);

    private static string FileName(string fullName)
    {
        var slug = new string(fullName.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || c == '-')
            .ToArray()).Trim().Replace(' ', '-').ToLowerInvariant();
        return (slug.Length == 0 ? "contact" : slug) + ".vcf";
    }
}
