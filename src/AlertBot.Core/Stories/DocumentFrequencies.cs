namespace AlertBot.Core.Stories;

/// <summary>
/// How many reports so far used each stem, for inverse document frequency. Learnt online from the stream
/// itself, so the weights fit whatever news the bot follows; a term nobody has used yet is the rarest.
/// </summary>
internal sealed class DocumentFrequencies
{
    private int[] _counts = new int[1024];

    public int Documents { get; private set; }

    public void Add(ReadOnlySpan<int> distinctStemIds)
    {
        Documents++;
        foreach (var id in distinctStemIds)
        {
            if (id >= _counts.Length) Array.Resize(ref _counts, Math.Max(id + 1, _counts.Length * 2));
            _counts[id]++;
        }
    }

    public int Count(int stemId) => stemId < _counts.Length ? _counts[stemId] : 0;

    /// <summary>Smoothed idf: ln((N + 1) / (df + 1)) + 1, never below 1.</summary>
    public double Idf(int stemId) => Math.Log((Documents + 1.0) / (Count(stemId) + 1.0)) + 1.0;
}
