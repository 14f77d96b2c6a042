namespace AlertBot.Core.Stories;

/// <summary>A sparse vector over stem ids, sorted by id, for cosine similarity by merging two arrays.</summary>
internal sealed class TermVector
{
    public static readonly TermVector Empty = new([], []);

    public TermVector(int[] ids, float[] weights)
    {
        Ids = ids;
        Weights = weights;
        var sum = 0.0;
        foreach (var w in weights) sum += (double)w * w;
        Norm = Math.Sqrt(sum);
    }

    public int[] Ids { get; }

    public float[] Weights { get; }

    public double Norm { get; }

    public int Count => Ids.Length;

    /// <summary>Builds a vector from unsorted (id, weight) pairs with distinct ids.</summary>
    public static TermVector From(Dictionary<int, float> weights)
    {
        var ids = new int[weights.Count];
        var values = new float[weights.Count];
        var i = 0;
        foreach (var (id, w) in weights)
        {
            ids[i] = id;
            values[i++] = w;
        }
        Array.Sort(ids, values);
        return new TermVector(ids, values);
    }

    public double Cosine(TermVector other)
    {
        if (Norm == 0 || other.Norm == 0) return 0;
        return Dot(other) / (Norm * other.Norm);
    }

    public double Dot(TermVector other)
    {
        double dot = 0;
        int i = 0, j = 0;
        var a = Ids;
        var b = other.Ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) dot += (double)Weights[i++] * other.Weights[j++];
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return dot;
    }

    /// <summary>
    /// This vector plus <paramref name="other"/> scaled to unit length, keeping the <paramref name="maxTerms"/>
    /// heaviest terms (ties by id, so the result never depends on order of arrival).
    /// </summary>
    public TermVector AddUnit(TermVector other, int maxTerms)
    {
        var scale = other.Norm == 0 ? 0f : (float)(1 / other.Norm);
        var ids = new List<int>(Ids.Length + other.Ids.Length);
        var weights = new List<float>(ids.Capacity);
        int i = 0, j = 0;
        while (i < Ids.Length || j < other.Ids.Length)
        {
            if (j >= other.Ids.Length || (i < Ids.Length && Ids[i] < other.Ids[j]))
            {
                ids.Add(Ids[i]);
                weights.Add(Weights[i++]);
            }
            else if (i >= Ids.Length || other.Ids[j] < Ids[i])
            {
                ids.Add(other.Ids[j]);
                weights.Add(other.Weights[j++] * scale);
            }
            else
            {
                ids.Add(Ids[i]);
                weights.Add(Weights[i++] + other.Weights[j++] * scale);
            }
        }
        if (ids.Count <= maxTerms) return new TermVector([.. ids], [.. weights]);

        // The heaviest, ties by id: one sort of keys that order by weight descending, then position (ids ascend with it).
        var keys = new long[ids.Count];
        for (var k = 0; k < keys.Length; k++) keys[k] = (long)DescendingKey(weights[k]) << 32 | (uint)k;
        Array.Sort(keys);
        var kept = new int[maxTerms];
        for (var k = 0; k < maxTerms; k++) kept[k] = (int)(uint)keys[k];
        Array.Sort(kept);
        var keptIds = new int[maxTerms];
        var keptWeights = new float[maxTerms];
        for (var k = 0; k < maxTerms; k++) (keptIds[k], keptWeights[k]) = (ids[kept[k]], weights[kept[k]]);
        return new TermVector(keptIds, keptWeights);
    }

    /// <summary>A key whose ascending order is <paramref name="weight"/>'s descending order (IEEE bits made monotonic, then inverted).</summary>
    internal static uint DescendingKey(float weight)
    {
        var bits = BitConverter.SingleToUInt32Bits(weight == 0 ? 0f : weight);
        var ascending = (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
        return ~ascending;
    }
}
