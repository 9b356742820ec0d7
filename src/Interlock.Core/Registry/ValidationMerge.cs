using Interlock.Shared;

namespace Interlock.Registry;

public static class ValidationMerge
{
    /// <summary>Adds every error of <paramref name="other"/> to <paramref name="target"/>.</summary>
    public static ValidationErrors Merge(this ValidationErrors target, ValidationErrors other)
    {
        foreach (var (field, messages) in other.ToDictionary())
            foreach (var m in messages) target.Add(field, m);
        return target;
    }
}
