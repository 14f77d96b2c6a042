namespace AlertBot.Core;

/// <summary>A span of values made into a set in place: sorted, each value once, at the front.</summary>
internal static class SortedSpan
{
    /// <summary>Sorts <paramref name="values"/> and moves one of each value to its front, in ascending order.</summary>
    /// <returns>The distinct values: the front of <paramref name="values"/>.</returns>
    public static Span<T> SortDistinct<T>(Span<T> values) where T : IEquatable<T>
    {
        if (values.IsEmpty) return values;
        values.Sort();
        var distinct = 1;
        for (var i = 1; i < values.Length; i++)
        {
            if (!values[i].Equals(values[distinct - 1])) values[distinct++] = values[i];
        }
        return values[..distinct];
    }
}
