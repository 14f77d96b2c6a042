namespace AlertBot.Core.Stories;

/// <summary>
/// One report's term weights spread over an array indexed by stem id, so that its cosine with each candidate story
/// reads the story's terms once, a look-up each, instead of merging two sorted arrays (a branch per step that the
/// processor mispredicts). The sum runs over the shared ids in ascending order, as the merge does, and a term the
/// report lacks adds an exact zero, so every score is bit-for-bit the merge's. Not thread-safe: one per clusterer.
/// </summary>
internal sealed class ReportWeights
{
    private float[] _weights = new float[1024];
    private TermVector _loaded = TermVector.Empty;

    /// <summary>Makes <paramref name="report"/> the vector <see cref="Cosine"/> compares with.</summary>
    public void Load(TermVector report)
    {
        Clear();
        var ids = report.Ids;
        if (ids.Length > 0 && ids[^1] >= _weights.Length) _weights = new float[Math.Max(ids[^1] + 1, _weights.Length * 2)];
        var weights = report.Weights;
        for (var i = 0; i < ids.Length; i++) _weights[ids[i]] = weights[i];
        _loaded = report;
    }

    /// <summary>The loaded report's cosine with <paramref name="story"/>: <see cref="TermVector.Cosine"/>, to the bit.</summary>
    public double Cosine(TermVector story)
    {
        if (_loaded.Norm == 0 || story.Norm == 0) return 0;
        var dense = _weights;
        var ids = story.Ids;
        var weights = story.Weights;
        double dot = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            var id = ids[k];
            // Weights are positive, so an absent term's product is +0 and leaves the sum as it was.
            if ((uint)id < (uint)dense.Length) dot += (double)dense[id] * weights[k];
        }
        return dot / (_loaded.Norm * story.Norm);
    }

    private void Clear()
    {
        foreach (var id in _loaded.Ids) _weights[id] = 0;
        _loaded = TermVector.Empty;
    }
}
