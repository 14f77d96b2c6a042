using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Core.Stories;

/// <summary>
/// The words of a report's title and text ("title", a line break, "text") with where each starts: the tokens matching
/// reads (<see cref="ArticleTokens"/>) when the pipeline has them, so an article is tokenised once, else scanned here
/// into per-thread buffers. Valid until the next report is read on the thread.
/// </summary>
internal readonly struct StoryTokens
{
    [ThreadStatic] private static Buffers? t_buffers;

    private StoryTokens(string source, SurfaceEntry[] entries, int[] starts, int count, int textStart, ArticleTokens? shared = null)
    {
        Shared = shared;
        Source = source;
        Entries = entries;
        Starts = starts;
        Count = count;
        TextStart = textStart;
    }

    /// <summary>The matching tokens these are, or null when they were scanned here.</summary>
    public ArticleTokens? Shared { get; }

    /// <summary>The text the words were read from: the title, a line break, then the text.</summary>
    public string Source { get; }

    public SurfaceEntry[] Entries { get; }

    /// <summary>Where each word starts in <see cref="Source"/>, parallel to <see cref="Entries"/>.</summary>
    public int[] Starts { get; }

    public int Count { get; }

    /// <summary>Where the text starts in <see cref="Source"/>.</summary>
    public int TextStart { get; }

    /// <param name="readText">The part of the text the stories stage reads (its start).</param>
    /// <param name="shared">The article's tokens, if matching read them already; used only when they are the tokens of
    /// exactly this title and text in the shared vocabulary.</param>
    public static StoryTokens Of(string title, string text, string readText, ArticleTokens? shared)
    {
        if (shared is not null && shared.Vocabulary == TermVocabulary.Shared && IsTitleAndText(shared.Text, title, text))
            return new StoryTokens(shared.Text, shared.Tokens, shared.Starts, shared.Count, title.Length + 1, shared);
        var buffers = t_buffers ??= new Buffers();
        var source = title + "\n" + readText;
        var count = ArticleTokens.Scan(source, TermVocabulary.Shared, registerNewStems: false, ref buffers.Entries, ref buffers.Starts);
        return new StoryTokens(source, buffers.Entries, buffers.Starts, count, title.Length + 1);
    }

    /// <summary>The words of <paramref name="text"/> alone, into buffers of their own (valid until the next call).</summary>
    public static StoryTokens Alone(ReadOnlySpan<char> text, string source)
    {
        var buffers = t_buffers ??= new Buffers();
        var count = ArticleTokens.Scan(text, TermVocabulary.Shared, registerNewStems: false, ref buffers.AloneEntries, ref buffers.AloneStarts);
        return new StoryTokens(source, buffers.AloneEntries, buffers.AloneStarts, count, 0);
    }

    private static bool IsTitleAndText(string source, string title, string text) =>
        source.Length == title.Length + 1 + text.Length && source[title.Length] == '\n'
        && source.AsSpan(0, title.Length).SequenceEqual(title) && source.AsSpan(title.Length + 1).SequenceEqual(text);

    private sealed class Buffers
    {
        public SurfaceEntry[] Entries = [];
        public int[] Starts = [];
        public SurfaceEntry[] AloneEntries = [];
        public int[] AloneStarts = [];
    }
}
