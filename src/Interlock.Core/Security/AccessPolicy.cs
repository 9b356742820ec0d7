using System.Linq.Expressions;
using Interlock.Shared;

namespace Interlock.Security;

/// <summary>
/// The one access policy. Every read and write of an owned record, through the API or the pages,
/// is decided here from the subject, the record's label and the sharing grants in force today.
/// <see cref="Decide"/> decides one record; <see cref="ReadFilter{T}"/> is the same read rule as a
/// query predicate, so lists are filtered in the database. A unit test checks the two agree.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(Subject subject, Operation operation, RecordLabel record, IEnumerable<SharingGrant> grants) =>
        operation == Operation.Read ? DecideRead(subject, record, grants) : DecideWrite(subject, record);

    public static bool CanRead(Subject subject, RecordLabel record, IEnumerable<SharingGrant> grants) =>
        DecideRead(subject, record, grants).Allowed;

    public static bool CanWrite(Subject subject, RecordLabel record) => DecideWrite(subject, record).Allowed;

    private static AccessDecision DecideRead(Subject subject, RecordLabel record, IEnumerable<SharingGrant> grants)
    {
        if (record.Classification == Classification.Public)
            return AccessDecision.Allow("public record");
        if (!subject.IsAuthenticated)
            return AccessDecision.Deny("only public records are visible without signing in");
        if (record.Classification == Classification.Partners)
            return AccessDecision.Allow("shared with all partner organizations");
        if (subject.OrganizationId == record.OwnerOrganizationId)
            return AccessDecision.Allow("own organization's record");
        if (record.Classification == Classification.StrictlyConfidential)
            return AccessDecision.Deny("strictly confidential: owner only");

        // Confidential: an agreement in force must name both organizations, cover the category and reach the level.
        var granted = grants.Any(g =>
            g.OwnerOrganizationId == record.OwnerOrganizationId &&
            g.GranteeOrganizationId == subject.OrganizationId &&
            g.Covers(record.Category) &&
            record.Classification <= EffectiveCeiling(g));
        return granted
            ? AccessDecision.Allow("information-sharing agreement in force")
            : AccessDecision.Deny("confidential and no information-sharing agreement in force covers it");
    }

    private static AccessDecision DecideWrite(Subject subject, RecordLabel record)
    {
        if (!subject.IsAuthenticated)
            return AccessDecision.Deny("sign in to change records");
        if (!subject.CanUseWriteScope)
            return AccessDecision.Deny("the token's scope is read-only");

        var own = subject.OrganizationId == record.OwnerOrganizationId;
        return Categories.WriteRuleOf(record.Category) switch
        {
            WriteRule.OwnerWriters when own && subject.Has(Roles.Writers) => AccessDecision.Allow("writer of the owning organization"),
            WriteRule.OwnerWriters => AccessDecision.Deny(own ? "the Reader role cannot change records" : "records can only be changed by their owning organization"),
            WriteRule.OwnerAdmins when own && subject.Has(Role.OrgAdmin | Role.Administrator) => AccessDecision.Allow("administrator of the owning organization"),
            WriteRule.OwnerAdmins => AccessDecision.Deny("only the owning organization's OrgAdmin may change this"),
            WriteRule.OwnerAdminsOrAdministrator when subject.Has(Role.Administrator) => AccessDecision.Allow("secretariat administrator"),
            WriteRule.OwnerAdminsOrAdministrator when own && subject.Has(Role.OrgAdmin) => AccessDecision.Allow("administrator of the owning organization"),
            WriteRule.OwnerAdminsOrAdministrator => AccessDecision.Deny("only the secretariat's Administrator or the owning organization's OrgAdmin may change this"),
            WriteRule.AdministratorOnly when subject.Has(Role.Administrator) => AccessDecision.Allow("secretariat administrator"),
            WriteRule.AdministratorOnly => AccessDecision.Deny("only the secretariat's Administrator may change shared reference data"),
            _ => AccessDecision.Deny("no rule allows this"),
        };
    }

    /// <summary>Strictly confidential records are never shared, whatever an agreement says.</summary>
    private static Classification EffectiveCeiling(SharingGrant g) =>
        g.Ceiling > Classification.Confidential ? Classification.Confidential : g.Ceiling;

    /// <summary>The read rule of <see cref="Decide"/> as a predicate a database can evaluate.</summary>
    public static Expression<Func<T, bool>> ReadFilter<T>(Subject subject, IEnumerable<SharingGrant> grants) where T : class, IClassified
    {
        if (!subject.IsAuthenticated)
            return x => x.Classification == Classification.Public;

        var org = subject.OrganizationId!.Value;
        var sharingOwners = grants
            .Where(g => g.GranteeOrganizationId == org && g.Covers(T.Category) && EffectiveCeiling(g) >= Classification.Confidential)
            .Select(g => g.OwnerOrganizationId)
            .Distinct()
            .ToList();

        return x => x.Classification <= Classification.Partners
                    || x.OwnerOrganizationId == org
                    || (x.Classification == Classification.Confidential && sharingOwners.Contains(x.OwnerOrganizationId));
    }
}
