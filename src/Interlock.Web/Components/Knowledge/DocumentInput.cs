using Interlock.Knowledge;
using Interlock.Shared;
using Interlock.Web.Components.Shared;

namespace Interlock.Web.Components.Knowledge;

/// <summary>The document form as posted: text as typed, parsed here so a bad date is a field error, not a lost value.</summary>
public sealed class DocumentInput
{
    public string? Title { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public string? Symbol { get; set; }
    public string? PublishedOn { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    /// <summary>The version the form was loaded with: a save is refused when the record has moved on since.</summary>
    public long Version { get; set; }

    public static DocumentInput From(Document d) => new()
    {
        Title = d.Title, Classification = d.Classification.ToString(), Symbol = d.Symbol, PublishedOn = Dates.Day(d.PublishedOn),
        Url = d.Url, Summary = d.Summary, Version = d.Version,
    };

    public sealed record Parsed(string Title, Classification Classification, string? Symbol, DateOnly? PublishedOn, string? Url, string? Summary);

    /// <summary>Parses and runs the domain's <see cref="Document.Validate"/>; errors go to <paramref name="errors"/>.</summary>
    public Parsed? Parse(FormErrors errors, DateOnly today)
    {
        if (!Enum.TryParse<Classification>(Classification, out var classification) || !Enum.IsDefined(classification))
            errors.Add("classification", "Choose a classification.");
        if (!Dates.TryParseOptional(PublishedOn, out var published))
            errors.Add("publishedOn", "Enter a date as year-month-day, e.g. 2024-03-31.");
        var symbol = Blank(Symbol);
        var url = Blank(Url);
        errors.AddAll(Document.Validate(Title, symbol, published, url, today));
        return errors.IsEmpty ? new Parsed(Title!.Trim(), classification, symbol, published, url, Blank(Summary)) : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
