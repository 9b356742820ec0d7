using System.Globalization;
using System.Text;

namespace Interlock.Shared;

/// <summary>
/// Compares names of first-level administrative areas as people and datasets write them: UCDP GED says
/// "Ouaka province", an analyst writes "Ouaka" or "Ouaka Prefecture", a French report "préfecture de la Ouaka".
/// The key drops case, accents, punctuation and the generic word for the kind of area, so all of these match.
/// </summary>
public static class Admin1Names
{
    // Generic words naming the kind of area, in the languages of the shipped data and the pages (en, fr).
    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "province", "provincia", "prefecture", "region", "state", "county", "district", "governorate", "department",
        "departement", "oblast", "division", "territory", "municipality", "canton", "emirate", "wilaya", "muhafazah",
        "de", "du", "des", "la", "le", "l", "of", "the",
    };

    public static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            letters.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        var words = letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !KindWords.Contains(w)).ToArray();
        // A name made only of generic words ("Capital District") keeps them rather than becoming empty.
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }

    public static bool Same(string? a, string? b) => a is not null && b is not null && Key(a) == Key(b);

    /// <summary>For natural keys: two blanks (the whole country) are the same place too.</summary>
    public static bool SameOrBothBlank(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) ? string.IsNullOrWhiteSpace(a) && string.IsNullOrWhiteSpace(b) : Same(a, b);

    /// <summary>True when <paramref name="name"/> names one of <paramref name="areas"/>.</summary>
    public static bool AnyOf(IEnumerable<string> areas, string? name) => name is not null && areas.Any(a => Same(a, name));
}
