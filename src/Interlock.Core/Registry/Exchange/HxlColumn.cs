namespace Interlock.Registry.Exchange;

/// <summary>
/// One column of an exchange file: the header people read, the HXL hashtag machines read, and the field name the
/// domain rules use in their errors (so a rule's error lands on the column that holds the value).
/// </summary>
/// <param name="ExportOnly">Written for the reader's benefit (e.g. a country's name next to its code) and ignored on import.</param>
public sealed record HxlColumn(string Header, string Tag, string? Field = null, bool Required = false, bool ExportOnly = false)
{
    public HxlTag ParsedTag { get; } = HxlTag.Parse(Tag) ?? throw new ArgumentException($"'{Tag}' is not an HXL hashtag.", nameof(Tag));
}
