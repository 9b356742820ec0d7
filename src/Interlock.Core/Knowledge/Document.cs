using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Knowledge;

/// <summary>
/// A document an organization holds and decides whom to show: reports, agreements, meeting records,
/// identified by their UN symbol where they have one (e.g. S/1998/785) [2001 II.C "wide dissemination"].
/// </summary>
public sealed class Document : IClassified, IVersioned
{
    public static string Category => Categories.Document;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public required string Title { get; set; }
    public string? Symbol { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public static readonly DateOnly EarliestDate = new(1945, 1, 1);

    public static ValidationErrors Validate(string? title, string? symbol, DateOnly? publishedOn, string? url, DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(title), "title", "A title is required.");
        errors.Require(title is null || title.Length <= 500, "title", "At most 500 characters.");
        errors.Require(symbol is null || symbol.Length <= 100, "symbol", "At most 100 characters.");
        errors.Require(publishedOn is null || (publishedOn >= EarliestDate && publishedOn <= today.AddYears(1)), "publishedOn",
            $"Must be between {EarliestDate:yyyy-MM-dd} and one year from today.");
        errors.Require(url is null || (Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)),
            "url", "Must be an absolute http or https address.");
        return errors;
    }
}
