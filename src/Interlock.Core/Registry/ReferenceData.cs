using System.Reflection;
using System.Security.Cryptography;
using Interlock.Shared;
using nietras.SeparatedValues;

namespace Interlock.Registry;

/// <summary>
/// The real reference data shipped with Interlock (data/reference/*.csv, sources in data/SOURCES.md):
/// countries, organizations and their memberships. Read from the assembly so any host finds it.
/// </summary>
public static class ReferenceData
{
    public const string Countries = "countries.csv";
    public const string Organizations = "organizations.csv";
    public const string Memberships = "memberships.csv";
    public const string Areas = "areas.csv";
    public const string Capabilities = "capabilities.csv";

    public sealed record CountryRow(int Line, Country Country);
    public sealed record OrganizationRow(int Line, Organization Organization, string? PredecessorCode, string? ParentCode);
    public sealed record MembershipRow(int Line, string OrgCode, string Iso3, DateOnly Joined, DatePrecision JoinedPrecision,
        DateOnly? Left, DatePrecision LeftPrecision, string? Note);

    public static Stream Open(string file) =>
        typeof(ReferenceData).Assembly.GetManifestResourceStream("Interlock.ReferenceData." + file)
        ?? throw new FileNotFoundException($"Reference data file '{file}' is not embedded in {typeof(ReferenceData).Assembly.GetName().Name}.");

    /// <summary>One hash over every reference file, to tell whether a database already has this data.</summary>
    public static string Fingerprint()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { Countries, Organizations, Memberships, Areas, Capabilities })
        {
            using var s = Open(file);
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            sha.AppendData(ms.ToArray());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static IReadOnlyList<CountryRow> ReadCountries() => Read(Countries, (r, line) =>
    {
        var c = new Country
        {
            Iso3 = Req(r, "iso3", line),
            Iso2 = Req(r, "iso2", line),
            M49 = Opt(r, "m49"),
            GwCode = Opt(r, "gw_code") is { } gw ? int.Parse(gw, System.Globalization.CultureInfo.InvariantCulture) : null,
            NameEn = Req(r, "name_en", line),
            NameFr = Req(r, "name_fr", line),
            RegionCode = Opt(r, "region_code"), RegionEn = Opt(r, "region_en"), RegionFr = Opt(r, "region_fr"),
            SubregionCode = Opt(r, "subregion_code"), SubregionEn = Opt(r, "subregion_en"), SubregionFr = Opt(r, "subregion_fr"),
            IntermediateCode = Opt(r, "intermediate_code"), IntermediateEn = Opt(r, "intermediate_en"), IntermediateFr = Opt(r, "intermediate_fr"),
            UnStatus = Enum.Parse<UnStatus>(Req(r, "un_status", line), ignoreCase: true),
            Neighbours = (Opt(r, "neighbours") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
        };
        return new CountryRow(line, c);
    });

    public static IReadOnlyList<OrganizationRow> ReadOrganizations() => Read(Organizations, (r, line) =>
    {
        var o = new Organization
        {
            Code = Req(r, "code", line),
            NameEn = Req(r, "name_en", line),
            NameFr = Opt(r, "name_fr") ?? Req(r, "name_en", line),
            Kind = Enum.Parse<OrganizationKind>(Req(r, "kind", line), ignoreCase: true),
            ChapterViii = bool.Parse(Opt(r, "chapter_viii") ?? "false"),
            HeadquartersIso3 = Opt(r, "hq_iso3"),
            SeedRefs = Opt(r, "seed_refs"),
        };
        if (PartialDate.TryParse(Opt(r, "established"), false, out var est, out var estP)) { o.Established = est; o.EstablishedPrecision = estP; }
        if (PartialDate.TryParse(Opt(r, "dissolved"), true, out var dis, out var disP)) { o.Dissolved = dis; o.DissolvedPrecision = disP; }
        return new OrganizationRow(line, o, Opt(r, "predecessor_code"), Opt(r, "parent_code"));
    });

    public static IReadOnlyList<MembershipRow> ReadMemberships() => Read(Memberships, (r, line) =>
    {
        // A membership whose start is not verified is kept with an unknown date rather than an invented one.
        var joined = DateOnly.MinValue;
        var jp = DatePrecision.Unknown;
        if (Opt(r, "joined") is { } joinedText && !PartialDate.TryParse(joinedText, false, out joined, out jp))
            throw new FormatException($"line {line}, column joined: '{joinedText}' is not YYYY or YYYY-MM-DD.");
        DateOnly? left = null;
        var lp = DatePrecision.Day;
        if (Opt(r, "left") is { } leftText)
        {
            if (!PartialDate.TryParse(leftText, true, out var l, out lp))
                throw new FormatException($"line {line}, column left: '{leftText}' is not YYYY or YYYY-MM-DD.");
            left = l;
        }
        return new MembershipRow(line, Req(r, "org_code", line), Req(r, "iso3", line), joined, jp, left, lp, Opt(r, "note"));
    });

    public static IReadOnlyList<Capabilities.Area> ReadAreas() => Read(Areas, (r, line) => new Capabilities.Area
    {
        Code = Req(r, "code", line),
        ParentCode = Opt(r, "parent_code"),
        Group = Enum.Parse<Capabilities.AreaGroup>(Req(r, "group", line), ignoreCase: true),
        NameEn = Req(r, "name_en", line),
        NameFr = Req(r, "name_fr", line),
        Source = Opt(r, "source"),
        SortOrder = line,
    });

    public sealed record CapabilityRow(int Line, string OrgCode, Capabilities.Capability Capability);

    /// <summary>Illustrative capabilities from each organization's public record (marked so in the file and the app).</summary>
    public static IReadOnlyList<CapabilityRow> ReadCapabilities() => Read(Capabilities, (r, line) =>
    {
        static List<string> Codes(string? text) => (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var c = new Capabilities.Capability
        {
            AreaCode = Req(r, "area_code", line),
            Description = Req(r, "description", line),
            ScopeCountries = Codes(Opt(r, "scope_countries")),
            ScopeRegions = Codes(Opt(r, "scope_regions")),
            Global = bool.Parse(Req(r, "global", line)),
            Personnel = Opt(r, "personnel") is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null,
            Budget = Enum.Parse<Capabilities.BudgetBand>(Opt(r, "budget") ?? "Unknown", ignoreCase: true),
            Assets = Opt(r, "assets"),
            ReadinessDays = int.Parse(Req(r, "readiness_days", line), System.Globalization.CultureInfo.InvariantCulture),
            MandateBasis = Opt(r, "mandate_basis"),
            LastVerified = DateOnly.ParseExact(Req(r, "last_verified", line), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Illustrative = bool.Parse(Req(r, "illustrative", line)),
            Classification = Classification.Public,
        };
        return new CapabilityRow(line, Req(r, "org_code", line), c);
    });

    internal static List<T> Read<T>(string file, Func<SepReader.Row, int, T> map)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(Open(file));
        var result = new List<T>();
        foreach (var row in reader)
        {
            try { result.Add(map(row, row.LineNumberFrom)); }
            catch (Exception ex)
            {
                // Name the file, line and column so whoever edits the data can fix it at once.
                var message = ex is FormatException && ex.Message.StartsWith("line ", StringComparison.Ordinal)
                    ? $"{file} {ex.Message}" : $"{file} line {row.LineNumberFrom}: {ex.Message}";
                throw new FormatException(message, ex);
            }
        }
        return result;
    }

    internal static string? Opt(SepReader.Row r, string column) =>
        r[column].ToString() is { Length: > 0 } v ? v.Trim() : null;

    internal static string Req(SepReader.Row r, string column, int line) =>
        Opt(r, column) ?? throw new FormatException($"line {line}, column {column}: a value is required.");
}
