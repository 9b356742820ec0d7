namespace Interlock.DivisionOfLabour.Rules;

/// <summary>One engagement in a cell of the matrix: enough for the page to colour it by form and role and to say when and where.</summary>
public sealed record MatrixEntry(Guid EngagementId, CooperationForm Form, EngagementRole Role, EngagementStatus Status, Period Period,
    string CountryIso3, string? Admin1, string? Activity)
{
    public string Sentence =>
        $"{Wording.Form(Form)}, {Wording.Role(Role)}, {Wording.Status(Status)}, in {Wording.Place(CountryIso3, Admin1)} ({Period})" +
        (Activity is null ? "" : $": {Activity}");
}

/// <summary>An organization's row of the matrix.</summary>
public sealed record MatrixRow(Guid OrganizationId, string Code, string Name, IReadOnlyDictionary<string, IReadOnlyList<MatrixEntry>> Cells)
{
    /// <summary>The engagements of this organization in <paramref name="areaCode"/>; empty when it has none there.</summary>
    public IReadOnlyList<MatrixEntry> this[string areaCode] => Cells.TryGetValue(areaCode, out var c) ? c : [];
}

/// <summary>
/// The who-does-what-where matrix: organizations (rows, by code) × areas of the taxonomy (columns, by code), each cell
/// listing the organization's engagements in that area with form, role and status. Only areas and organizations that
/// have an engagement appear; completed engagements stay in it (they are the record of who did what).
/// </summary>
public sealed record WhoDoesWhatWhere(IReadOnlyList<string> Areas, IReadOnlyList<MatrixRow> Rows)
{
    public MatrixRow? Row(string organizationCode) => Rows.FirstOrDefault(r => r.Code == organizationCode);

    public static WhoDoesWhatWhere Of(DivisionPicture picture)
    {
        var areas = picture.Engagements.Select(e => e.AreaCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = picture.Engagements.GroupBy(e => e.OrganizationId)
            .Select(g => new MatrixRow(g.Key, picture.CodeOf(g.Key),
                picture.Organizations.TryGetValue(g.Key, out var o) ? o.NameEn : "?",
                g.GroupBy(e => e.AreaCode).ToDictionary(a => a.Key, a => (IReadOnlyList<MatrixEntry>)a
                    .OrderBy(e => e.StartOn).ThenBy(e => e.Id)
                    .Select(e => new MatrixEntry(e.Id, e.Form, e.Role, e.Status, e.Period, e.CountryIso3, e.Admin1, e.Activity)).ToList(),
                    StringComparer.Ordinal)))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new WhoDoesWhatWhere(areas, rows);
    }
}
