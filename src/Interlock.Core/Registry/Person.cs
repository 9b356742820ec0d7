using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>
/// Someone who works for a partner organization: a liaison official, a focal point, a staff officer.
/// Contact details are personal data: a person's record is never Public.
/// </summary>
public sealed class Person : IClassified, IVersioned
{
    public static string Category => Categories.Contact;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The organization the person works for, which owns and labels the record.</summary>
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public required string FullName { get; set; }
    public string? JobTitle { get; set; }
    /// <summary>ISO 639-1 codes of the languages spoken, e.g. en, fr, ar.</summary>
    public List<string> Languages { get; set; } = [];
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public List<PersonRole> Roles { get; set; } = [];
    public long Version { get; set; }

    public static ValidationErrors Validate(string? fullName, Classification classification, IEnumerable<string> languages, string? email)
    {
        var errors = new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(fullName), "fullName", "A name is required.")
            .Require(classification != Classification.Public, "classification",
                "Contact details are personal data: Partners at least, never Public.");
        foreach (var l in languages.Where(l => l.Length != 2 || !l.All(char.IsAsciiLetterLower)))
            errors.Add("languages", $"'{l}' is not an ISO 639-1 code (two lower-case letters, e.g. fr).");
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            errors.Add("email", $"'{email}' is not an e-mail address.");
        return errors;
    }
}
