namespace Interlock.Registry.Exchange;

/// <summary>
/// An HXL hashtag with its attributes, e.g. <c>#org+name+i_fr</c> (https://hxlstandard.org). Attributes are compared as a
/// set, so <c>#org+i_fr+name</c> names the same column; case does not matter.
/// </summary>
public sealed record HxlTag(string Hashtag, IReadOnlySet<string> Attributes)
{
    public static HxlTag? Parse(string? text)
    {
        var compact = text?.Replace(" ", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        if (compact is not { Length: > 1 } || compact[0] != '#') return null;
        var parts = compact[1..].Split('+');
        if (parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))) return null;
        return new HxlTag(parts[0], parts.Skip(1).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>True when this tag has the same hashtag and exactly the same attributes.</summary>
    public bool SameAs(HxlTag other) => Hashtag == other.Hashtag && Attributes.SetEquals(other.Attributes);

    public override string ToString() => "#" + string.Join("+", new[] { Hashtag }.Concat(Attributes.Order(StringComparer.Ordinal)));
}
