using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Interlock.Web.Components.Shared;

/// <summary>Counts with the right noun form: English takes the singular for 1 only, French for 0 and 1.</summary>
public static class Plural
{
    public static string Count(IStringLocalizer l, int n, string one, string many)
    {
        var singular = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? n < 2 : n == 1;
        return string.Format(l[singular ? one : many], n);
    }
}
