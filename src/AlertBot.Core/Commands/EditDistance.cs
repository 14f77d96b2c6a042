namespace AlertBot.Core.Commands;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.</summary>
internal static class EditDistance
{
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
