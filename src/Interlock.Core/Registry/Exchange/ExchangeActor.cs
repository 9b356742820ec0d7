using Interlock.Data;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>
/// Who imports or exports, as the access policy needs it: the subject, the sharing grants in force for its organization
/// today, and today. The web host builds it from the request's AccessService; the CLI from the user named by --as.
/// </summary>
public sealed record ExchangeActor(Subject Subject, IReadOnlyList<SharingGrant> Grants, DateOnly Today)
{
    public bool CanRead(RecordLabel label) => AccessPolicy.CanRead(Subject, label, Grants);

    public AccessDecision DecideWrite(RecordLabel label) => AccessPolicy.Decide(Subject, Operation.Update, label, []);

    /// <summary>The grants of the agreements in force on <paramref name="today"/> that name <paramref name="organization"/>, as AccessService loads them.</summary>
    public static async Task<IReadOnlyList<SharingGrant>> GrantsAsync(InterlockDbContext db, Guid organization, DateOnly today, CancellationToken ct)
    {
        var agreements = await db.SharingAgreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Parties.Any(p => p.OrganizationId == organization)).ToListAsync(ct);
        return agreements.SelectMany(a => a.GrantsFor(organization, today)).ToList();
    }

    /// <summary>The actor for a user of the database, with the roles and organization Identity records; null when there is no such user.</summary>
    public static async Task<ExchangeActor?> ForUserAsync(InterlockDbContext db, string userName, DateOnly today, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return null;
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == user.Id
                               select r.Name!).ToListAsync(ct);
        var subject = new Subject(user.Id, user.UserName, user.OrganizationId, Roles.Parse(roleNames));
        return new ExchangeActor(subject, await GrantsAsync(db, user.OrganizationId, today, ct), today);
    }
}
