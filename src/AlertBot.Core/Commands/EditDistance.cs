namespace AlertBot.Core.Commands;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.</summary>
internal static class EditDistance
{
    /// <summary>The candidate a mistyped name most likely meant (at most two edits away, fewer for short names), or null.</summary>
    public static T? Closest<T>(string typed, IEnumerable<T> candidates, Func<T, string> name) where T : class
    {
        if (typed.Length is 0 or > 40) return null;
        var lower = typed.ToLowerInvariant();
        return candidates.Select(c => (Candidate: c, Name: name(c), Distance: Between(lower, name(c))))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Name.Length / 3)))
            .OrderBy(c => c.Distance).Select(c => c.Candidate).FirstOrDefault();
    }

    public static int Between(string a, string b)
    {
        var width = b.Length + 1;
        var d = new int[(a.Length + 1) * width];
        for (var i = 0; i <= a.Length; i++) d[i * width] = i;
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1), d[(i - 1) * width + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, d[(i - 2) * width + j - 2] + 1);
                d[i * width + j] = best;
            }
        }
        return d[a.Length * width + b.Length];
    }
}
