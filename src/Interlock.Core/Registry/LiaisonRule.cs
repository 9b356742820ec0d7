using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>
/// "Exactly one high-level liaison official per organization" [2005 §7]: naming a new one ends the
/// current term on the day the new one starts.
/// </summary>
public static class LiaisonRule
{
    /// <summary>Ends the term of whoever is liaison official on <paramref name="start"/> and returns the new role.</summary>
    public static PersonRole Appoint(IEnumerable<PersonRole> organizationRoles, Guid organizationId, Guid personId, DateOnly start)
    {
        var liaisons = organizationRoles.Where(r => r.OrganizationId == organizationId && r.Kind == PersonRoleKind.LiaisonOfficial).ToList();
        // A later term already recorded would make two liaison officials overlap: refuse rather than guess.
        if (liaisons.Any(r => r.Start >= start))
            throw new DomainValidationException(new ValidationErrors().Add("start",
                $"A liaison official's term already starts on or after {start:yyyy-MM-dd}; name the successor from a later date."));
        foreach (var current in liaisons.Where(r => r.End is null || r.End > start))
            current.End = start;
        return new PersonRole { OrganizationId = organizationId, PersonId = personId, Kind = PersonRoleKind.LiaisonOfficial, Start = start };
    }

    /// <summary>The liaison official on <paramref name="day"/>, if any; never more than one.</summary>
    public static PersonRole? CurrentOn(IEnumerable<PersonRole> organizationRoles, DateOnly day) =>
        organizationRoles.SingleOrDefault(r => r.Kind == PersonRoleKind.LiaisonOfficial && r.IsCurrent(day));
}
