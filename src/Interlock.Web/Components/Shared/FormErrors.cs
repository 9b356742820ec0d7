using Interlock.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Interlock.Web.Components.Shared;

/// <summary>
/// The errors of one submitted form, keyed by field (the same camelCase names the domain rules and the API use),
/// already translated. Inputs use <see cref="DescribedBy"/> and <see cref="Invalid"/> so a screen reader
/// reads each error with its field.
/// </summary>
public sealed class FormErrors(IStringLocalizer localizer)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>Adds a message, translating it when the resources know it (keys are the English text).</summary>
    public FormErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        var translated = localizer[message].Value;
        if (!list.Contains(translated)) list.Add(translated);
        return this;
    }

    public FormErrors AddAll(ValidationErrors errors)
    {
        foreach (var (field, messages) in errors.ToDictionary())
            foreach (var m in messages) Add(field, m);
        return this;
    }

    /// <summary>Identity's password and user-name errors, put on the field they concern and translated by code.</summary>
    public FormErrors AddIdentity(IEnumerable<IdentityError> errors, string passwordField, string otherField, int requiredLength = 12, int uniqueChars = 5)
    {
        foreach (var e in errors)
        {
            var field = e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)
                ? passwordField : otherField;
            var message = e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => string.Format(localizer["Use at least {0} characters."], requiredLength),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => string.Format(localizer["Use at least {0} different characters."], uniqueChars),
                nameof(IdentityErrorDescriber.PasswordMismatch) => localizer["The current password is wrong."].Value,
                nameof(IdentityErrorDescriber.DuplicateUserName) => localizer["This user name is already taken."].Value,
                nameof(IdentityErrorDescriber.InvalidUserName) => localizer["The user name may contain only letters, digits and - . _ @ +"].Value,
                _ => e.Description,
            };
            Add(field, message);
        }
        return this;
    }

    public string Id(string field) => field + "-error";

    /// <summary>The value for aria-describedby: the error's id when the field has one.</summary>
    public string? DescribedBy(string field) => _errors.ContainsKey(field) ? Id(field) : null;

    /// <summary>aria-describedby for a field that also has a hint: the hint, then the error when there is one.</summary>
    public string DescribedBy(string field, string hintId) => _errors.ContainsKey(field) ? $"{hintId} {Id(field)}" : hintId;

    /// <summary>The value for aria-invalid.</summary>
    public string? Invalid(string field) => _errors.ContainsKey(field) ? "true" : null;
}
