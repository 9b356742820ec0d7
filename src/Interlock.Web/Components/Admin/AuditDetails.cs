using System.Text.Json;

namespace Interlock.Web.Components.Admin;

/// <summary>
/// A one-line reading of an audit entry's details: updates record every column as {from, to}, and most of them
/// did not change, so the line keeps only what did. The full JSON stays available beside it.
/// </summary>
public static class AuditDetails
{
    private const int MaxValue = 40, MaxLine = 200;

    public static string Summarize(string? details)
    {
        if (string.IsNullOrWhiteSpace(details)) return "";
        try
        {
            using var doc = JsonDocument.Parse(details);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return Cut(details, MaxLine);
            var parts = new List<string>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var v = p.Value;
                if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("from", out var from) && v.TryGetProperty("to", out var to))
                {
                    if (from.GetRawText() != to.GetRawText()) parts.Add($"{p.Name}: {Show(from)} → {Show(to)}");
                }
                else if (v.ValueKind == JsonValueKind.String && v.GetString() == "(changed)") parts.Add($"{p.Name} (changed)");
                else parts.Add($"{p.Name}: {Show(v)}");
            }
            return Cut(string.Join("; ", parts), MaxLine);
        }
        catch (JsonException)
        {
            return Cut(details, MaxLine);
        }
    }

    private static string Show(JsonElement e) => Cut(e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText(), MaxValue);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
