namespace AlertBot.Core.Text;

/// <summary>
/// FNV-1a over a folded token's characters, computed incrementally by <see cref="TokenScanner"/> and in one go by
/// the tables that look tokens up. Seeded per process, so that nobody can prepare a feed of colliding words in advance.
/// </summary>
internal static class TokenHash
{
    public static readonly uint Start = 2166136261 ^ (uint)Random.Shared.Next();

    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619;

    public static uint Of(ReadOnlySpan<char> text)
    {
        var hash = Start;
        foreach (var c in text) hash = Step(hash, c);
        return hash;
    }
}
