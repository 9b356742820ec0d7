using Interlock.Shared;
using Interlock.Web.Api;

namespace Interlock.Web.EarlyWarning;

/// <summary>
/// The outcome of a write that the pages and the API share: the record, or why not (invalid fields, not permitted,
/// not found or not visible, changed since read, or a duplicate). The API turns it into HTTP; the pages into messages.
/// </summary>
public sealed record WriteOutcome<T>(T? Value, ValidationErrors? Errors = null, string? Forbidden = null, bool NotFound = false, bool Stale = false,
    Guid? Duplicate = null) where T : class
{
    public bool Succeeded => Value is not null;

    public static WriteOutcome<T> Ok(T value) => new(value);
    public static WriteOutcome<T> Invalid(ValidationErrors errors) => new(null, errors);
    public static WriteOutcome<T> Denied(string reason) => new(null, Forbidden: reason);
    public static readonly WriteOutcome<T> Missing = new(null, NotFound: true);
    public static readonly WriteOutcome<T> Changed = new(null, Stale: true);

    /// <summary>The HTTP answer for a failed write.</summary>
    public IResult Failure(string what) =>
        NotFound ? ApiConventions.NotFound(what)
        : Forbidden is { } reason ? ApiConventions.Forbidden(reason)
        : Stale ? ApiConventions.PreconditionFailed()
        : Duplicate is { } id ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"{what} already exists.",
            detail: $"Your organization already has this {what.ToLowerInvariant()} ({id}); submit a revision of it instead.",
            extensions: new Dictionary<string, object?> { ["existingId"] = id })
        : ApiConventions.Validation(Errors ?? new ValidationErrors());
}
