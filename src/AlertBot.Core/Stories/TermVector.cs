namespace AlertBot.Core.Stories;

/// <summary>A sparse vector over stem ids, sorted by id, for cosine similarity by merging two arrays.</summary>
internal sealed class TermVector
{
    public static readonly TermVector Empty = new([], []);

    // The merged terms of AddUnit before the heaviest are kept, per thread (clusterers of different streams may run at once).
    [ThreadStatic] private static Scratch? t_scratch;

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
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(Ids.Length + other.Ids.Length);
        var (ids, weights) = (scratch.Ids, scratch.Weights);
        int i = 0, j = 0, n = 0;
        while (i < Ids.Length || j < other.Ids.Length)
        {
            if (j >= other.Ids.Length || (i < Ids.Length && Ids[i] < other.Ids[j]))
            {
                ids[n] = Ids[i];
                weights[n++] = Weights[i++];
            }
            else if (i >= Ids.Length || other.Ids[j] < Ids[i])
            {
                ids[n] = other.Ids[j];
                weights[n++] = other.Weights[j++] * scale;
            }
            else
            {
                ids[n] = Ids[i];
                weights[n++] = Weights[i++] + other.Weights[j++] * scale;
            }
        }
        if (n <= maxTerms) return new TermVector(ids[..n], weights[..n]);

        // The heaviest, ties by id: keys that order by weight descending, then position (ids ascend with it), are
        // distinct, so the kept terms are those whose key is at most the maxTerms-th smallest; kept in id order.
        var keys = scratch.Keys.AsSpan(0, n);
        for (var k = 0; k < n; k++) keys[k] = Key(weights[k], k);
        keys.Sort();
        var last = keys[maxTerms - 1];
        var keptIds = new int[maxTerms];
        var keptWeights = new float[maxTerms];
        for (int k = 0, kept = 0; kept < maxTerms; k++)
        {
            if (Key(weights[k], k) > last) continue;
            keptIds[kept] = ids[k];
            keptWeights[kept++] = weights[k];
        }
        return new TermVector(keptIds, keptWeights);
    }

    /// <summary>A key whose ascending order is descending <paramref name="weight"/>, then ascending <paramref name="position"/>.</summary>
    internal static long Key(float weight, int position) => (long)DescendingKey(weight) << 32 | (uint)position;

    /// <summary>A key whose ascending order is <paramref name="weight"/>'s descending order (IEEE bits made monotonic, then inverted).</summary>
    private static uint DescendingKey(float weight)
    {
        var bits = BitConverter.SingleToUInt32Bits(weight == 0 ? 0f : weight);
        var ascending = (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
        return ~ascending;
    }

    private sealed class Scratch
    {
        public int[] Ids { get; private set; } = new int[256];

        public float[] Weights { get; private set; } = new float[256];

        public long[] Keys { get; private set; } = new long[256];

        public void Ensure(int size)
        {
            if (size <= Ids.Length) return;
            Ids = new int[size];
            Weights = new float[size];
            Keys = new long[size];
        }
    }
}
