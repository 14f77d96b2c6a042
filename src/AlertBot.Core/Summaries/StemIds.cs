using System.Runtime.InteropServices;
using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Core.Summaries;

/// <summary>
/// A sentence's content words (longer than two letters), folded and stemmed like queries, as the ids of their
/// stems: through the shared vocabulary, which remembers each word form's stem, so a known word costs a lookup and
/// no allocation, and two sentences compare by merging sorted integers. A stem the vocabulary has no id for (it is
/// full) gets one of its own here, negative, the same for every sentence this instance reads: one instance per article.
/// </summary>
internal sealed class StemIds
{
    private Dictionary<string, int>? _unknown;

    [ThreadStatic] private static List<int>? t_ids;

    [ThreadStatic] private static char[]? t_word;

    /// <summary>The distinct stem ids of <paramref name="s"/>'s content words, sorted.</summary>
    public int[] Of(string s)
    {
        // One scratch list and word buffer per thread: only the distinct ids are kept, as an array.
        var ids = t_ids ??= new List<int>(64);
        ids.Clear();
        var scanner = new TokenScanner(s, t_word ??= new char[64]);
        while (scanner.MoveNext())
        {
            if (scanner.Current.Length <= 2) continue;
            var entry = TermVocabulary.Shared.Resolve(scanner.Current, scanner.Hash, registerNewStems: false);
            ids.Add(entry.StemId >= 0 ? entry.StemId : Unknown(entry.Stem));
        }
        return SortedSpan.SortDistinct(CollectionsMarshal.AsSpan(ids)).ToArray();
    }

    private int Unknown(string stem)
    {
        _unknown ??= new Dictionary<string, int>(StringComparer.Ordinal);
        if (!_unknown.TryGetValue(stem, out var id)) _unknown[stem] = id = -2 - _unknown.Count;
        return id;
    }
}
