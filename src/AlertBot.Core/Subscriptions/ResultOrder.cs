using System.Runtime.CompilerServices;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Sorts a match's subscription ids. A popular article matches thousands of subscriptions, and a
/// comparison sort of those cost as much as finding them; ids are integers in a narrow range, so a
/// byte-wise radix sort over (id − smallest) takes a few linear passes instead.
/// </summary>
internal static class ResultOrder
{
    private const int RadixThreshold = 128;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<long> values, ref long[] buffer)
    {
        if (values.Length < RadixThreshold)
        {
            values.Sort();
            return;
        }
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        var range = (ulong)(max - min);
        if (buffer.Length < values.Length) buffer = new long[Math.Max(values.Length, buffer.Length * 2)];
        var from = values;
        var to = buffer.AsSpan(0, values.Length);
        Span<int> counts = stackalloc int[256];
        for (var shift = 0; shift < 64 && range >> shift != 0; shift += 8)
        {
            counts.Clear();
            foreach (var v in from) counts[(int)(((ulong)(v - min) >> shift) & 0xFF)]++;
            var total = 0;
            for (var b = 0; b < 256; b++)
            {
                var c = counts[b];
                counts[b] = total;
                total += c;
            }
            foreach (var v in from) to[counts[(int)(((ulong)(v - min) >> shift) & 0xFF)]++] = v;
            var swap = from;
            from = to;
            to = swap;
        }
        // An odd number of passes leaves the result in the buffer.
        if (from != values) from.CopyTo(values);
    }
}
