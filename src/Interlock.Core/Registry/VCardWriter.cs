using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Interlock.Registry;

/// <summary>One person's card, already reduced to what may be exported.</summary>
public sealed record VCardContact(
    Guid Id,
    string FullName,
    string? Organization,
    string? Title,
    string? Email,
    string? Phone,
    string? Address,
    IReadOnlyList<string> Languages,
    string? Note);

/// <summary>
/// Writes vCard 4.0 (RFC 6350): CRLF line ends, values escaped, content lines folded at 75 octets of UTF-8
/// without splitting a character. Small enough to write by hand rather than take a dependency.
/// </summary>
public static partial class VCardWriter
{
    public const string MediaType = "text/vcard";
    private const int MaxOctets = 75;

    public static string Write(IEnumerable<VCardContact> contacts)
    {
        var sb = new StringBuilder();
        foreach (var c in contacts) Write(sb, c);
        return sb.ToString();
    }

    public static string Write(VCardContact contact) => Write([contact]);

    private static void Write(StringBuilder sb, VCardContact c)
    {
        Line(sb, "BEGIN:VCARD");
        Line(sb, "VERSION:4.0");
        Line(sb, "KIND:individual");
        Line(sb, $"UID:urn:uuid:{c.Id:D}");
        Line(sb, "FN:" + Escape(c.FullName));
        var (family, given) = SplitName(c.FullName);
        Line(sb, $"N:{Escape(family)};{Escape(given)};;;");
        if (c.Organization is { Length: > 0 } org) Line(sb, "ORG:" + Escape(org));
        if (c.Title is { Length: > 0 } title) Line(sb, "TITLE:" + Escape(title));
        if (c.Email is { Length: > 0 } email) Line(sb, "EMAIL;TYPE=work:" + Escape(email));
        if (c.Phone is { Length: > 0 } phone) Line(sb, TelLine(phone));
        // Free-text address: the street component of ADR, the rest left empty.
        if (c.Address is { Length: > 0 } address) Line(sb, $"ADR;TYPE=work:;;{Escape(address)};;;;");
        for (var i = 0; i < c.Languages.Count; i++)
            Line(sb, $"LANG;PREF={i + 1}:{Escape(c.Languages[i])}");
        if (c.Note is { Length: > 0 } note) Line(sb, "NOTE:" + Escape(note));
        Line(sb, "END:VCARD");
    }

    /// <summary>
    /// Escapes a value: backslash, comma, semicolon and line breaks (RFC 6350 §3.4). Semicolons are escaped in every
    /// value, as compound values require and as readers of older vCards expect.
    /// </summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            switch (ch)
            {
                case '\\': sb.Append(@"\\"); break;
                case ',': sb.Append(@"\,"); break;
                case ';': sb.Append(@"\;"); break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits a content line into physical lines of at most 75 octets; each continuation starts with one space
    /// (which counts towards its 75). A multi-octet character is never split.
    /// </summary>
    public static IReadOnlyList<string> Fold(string line)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                lines.Add(current.ToString());
                current.Clear().Append(' ');
                octets = 1;
            }
            current.Append(rune.ToString());
            octets += size;
        }
        lines.Add(current.ToString());
        return lines;
    }

    private static void Line(StringBuilder sb, string contentLine)
    {
        foreach (var physical in Fold(contentLine)) sb.Append(physical).Append("\r\n");
    }

    /// <summary>A dialable number becomes a tel: URI (the form RFC 6350 recommends); anything else stays text.</summary>
    private static string TelLine(string phone)
    {
        var trimmed = phone.Trim();
        if (DialablePattern().IsMatch(trimmed))
        {
            var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
            return $"TEL;VALUE=uri;TYPE=work:tel:{(trimmed.StartsWith('+') ? "+" : "")}{digits}";
        }
        return "TEL;VALUE=text;TYPE=work:" + Escape(trimmed);
    }

    /// <summary>
    /// Family and given names from a full name. Names written the UN way ("LACROIX Jean-Pierre") give their upper-case
    /// words as the family name; otherwise the last word is taken. Only a hint for address books: FN is authoritative.
    /// </summary>
    public static (string Family, string Given) SplitName(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return ("", "");
        if (words.Length == 1) return (words[0], "");
        var upper = words.Where(IsUpperCaseWord).ToList();
        if (upper.Count > 0 && upper.Count < words.Length)
            return (string.Join(' ', upper), string.Join(' ', words.Where(w => !IsUpperCaseWord(w))));
        return (words[^1], string.Join(' ', words[..^1]));
    }

    private static bool IsUpperCaseWord(string w) =>
        w.Count(char.IsLetter) >= 2 && w.Where(char.IsLetter).All(char.IsUpper);

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DialablePattern();
}
