using System.Runtime.CompilerServices;
using AlertBot.Core.Text;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Estimated share of articles that contain each stem, learnt from the articles the matcher sees
/// (plus a prior for common English words, so a fresh bot never files "the" as a rare term). The
/// matcher files each subscription under its rarest required term, so fewer candidates are checked.
/// Counts are updated without locks: a lost increment only nudges an estimate.
/// </summary>
public sealed class TermStatistics
{
    private static readonly HashSet<string> CommonWords = new(
        ("a about after again against all also an and any are as at be because been before being between both but by can " +
         "could did do does during each few for from further had has have he her here him his how i if in into is it its " +
         "just last like made make many may me more most much must my new no nor not now of off on once one only or other " +
         "our out over own said same say says she should since so some such than that the their them then there these they " +
         "this those through to too two under until up us very was we were what when where which while who whom why will " +
         "with would year years you your").Split(' ').Select(EnglishStemmer.Stem), StringComparer.Ordinal);

    private const double CommonWordPrior = 0.9;

    private readonly Lock _gate = new();
    private int[] _documentFrequency = new int[1024];
    private int _articles;

    /// <summary>Number of articles observed.</summary>
    public int Articles => Volatile.Read(ref _articles);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Observe(ArticleTokens article)
    {
        Interlocked.Increment(ref _articles);
        var ids = article.DistinctStemIds;
        var counts = _documentFrequency;
        var max = ids.Length == 0 ? -1 : ids.Max();
        if (max >= counts.Length) counts = Grow(max + 1);
        foreach (var id in ids) counts[id]++;
    }

    /// <summary>Estimated share (0..1) of articles containing the stem.</summary>
    internal double Frequency(int stemId, string stem)
    {
        var counts = _documentFrequency;
        var df = stemId < counts.Length ? counts[stemId] : 0;
        var observed = (df + 0.5) / (Articles + 1.0);
        return CommonWords.Contains(stem) ? Math.Max(CommonWordPrior, observed) : Math.Min(1.0, observed);
    }

    private int[] Grow(int size)
    {
        lock (_gate)
        {
            if (size > _documentFrequency.Length)
            {
                var grown = new int[Math.Max(size, _documentFrequency.Length * 2)];
                _documentFrequency.CopyTo(grown, 0);
                _documentFrequency = grown;
            }
            return _documentFrequency;
        }
    }
}
