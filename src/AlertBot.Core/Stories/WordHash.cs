namespace AlertBot.Core.Stories;

/// <summary>A stable 32-bit FNV-1a hash of folded words, so sets of words and shingles need no strings.</summary>
internal static class WordHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(ReadOnlySpan<char> word)
    {
        var h = Offset;
        foreach (var c in word) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>Hash of a short sequence of word hashes (a shingle).</summary>
    public static uint Combine(uint a, uint b) => (a ^ (b + 0x9E3779B9 + (a << 6) + (a >> 2))) * Prime;
}
