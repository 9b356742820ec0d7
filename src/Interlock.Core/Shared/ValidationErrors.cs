namespace Interlock.Shared;

/// <summary>
/// Field-keyed validation errors, collected by domain rules and returned as RFC 9457 problem details.
/// Field names are the camelCase JSON names the client sent.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public ValidationErrors Require(bool condition, string field, string message) =>
        condition ? this : Add(field, message);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}

/// <summary>Thrown by domain operations when input breaks a rule; endpoints turn it into a 400.</summary>
public sealed class DomainValidationException(ValidationErrors errors) : Exception(errors.ToString())
{
    public ValidationErrors Errors { get; } = errors;
}
