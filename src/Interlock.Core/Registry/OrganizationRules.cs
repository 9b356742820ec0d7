using System.Text.RegularExpressions;
using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>The checks an organization's registry entry passes when created or edited.</summary>
public static partial class OrganizationRules
{
    public static ValidationErrors ValidateCode(string? code) => new ValidationErrors()
        .Require(code is not null && CodePattern().IsMatch(code), "code",
            "A code is 1 to 32 capital letters, digits or hyphens, starting with a letter or digit (e.g. ECOWAS, UN-WOMEN).");

    public static ValidationErrors ValidateNames(string? nameEn, string? nameFr) => new ValidationErrors()
        .Require(!string.IsNullOrWhiteSpace(nameEn), "nameEn", "A name is required.")
        .Require(!string.IsNullOrWhiteSpace(nameFr), "nameFr", "A French name is required.")
        .Require((nameEn?.Trim().Length ?? 0) <= 300, "nameEn", "At most 300 characters.")
        .Require((nameFr?.Trim().Length ?? 0) <= 300, "nameFr", "At most 300 characters.");

    /// <summary>Parses the founding and dissolution dates ("YYYY" or "YYYY-MM-DD") into <paramref name="org"/>.</summary>
    public static ValidationErrors ApplyDates(Organization org, string? established, string? dissolved)
    {
        var errors = new ValidationErrors();
        DateOnly? e = null, d = null;
        var ep = DatePrecision.Day;
        var dp = DatePrecision.Day;
        if (!string.IsNullOrWhiteSpace(established))
        {
            if (PartialDate.TryParse(established, endOfPeriod: false, out var v, out ep)) e = v;
            else errors.Add("established", "YYYY or YYYY-MM-DD.");
        }
        if (!string.IsNullOrWhiteSpace(dissolved))
        {
            if (PartialDate.TryParse(dissolved, endOfPeriod: true, out var v, out dp)) d = v;
            else errors.Add("dissolved", "YYYY or YYYY-MM-DD.");
        }
        if (e is { } from && d is { } to && to < from) errors.Add("dissolved", "An organization cannot be dissolved before it was established.");
        if (!errors.IsEmpty) return errors;
        org.Established = e;
        org.EstablishedPrecision = e is null ? DatePrecision.Unknown : ep;
        org.Dissolved = d;
        org.DissolvedPrecision = d is null ? DatePrecision.Day : dp;
        return errors;
    }

    /// <summary>
    /// Predecessor and parent links must not lead back to the organization itself.
    /// <paramref name="links"/> gives every organization's (predecessor, parent).
    /// </summary>
    public static ValidationErrors ValidateLinks(Guid self, Guid? predecessorId, Guid? parentId,
        IReadOnlyDictionary<Guid, (Guid? Predecessor, Guid? Parent)> links)
    {
        var errors = new ValidationErrors();
        if (predecessorId is { } p && Reaches(p, self, id => links.TryGetValue(id, out var l) ? l.Predecessor : null))
            errors.Add("predecessorCode", "An organization cannot succeed itself, directly or through its predecessors.");
        if (parentId is { } pa && Reaches(pa, self, id => links.TryGetValue(id, out var l) ? l.Parent : null))
            errors.Add("parentCode", "An organization cannot be part of itself, directly or through its parents.");
        return errors;
    }

    private static bool Reaches(Guid start, Guid target, Func<Guid, Guid?> next)
    {
        var seen = new HashSet<Guid>();
        for (Guid? at = start; at is { } id && seen.Add(id); at = next(id))
            if (id == target) return true;
        return false;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
