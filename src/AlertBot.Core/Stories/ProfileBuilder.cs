using System.Runtime.InteropServices;
using AlertBot.Core.Subscriptions;
using AlertBot.Core.Text;

namespace AlertBot.Core.Stories;

/// <summary>
/// Builds a report's <see cref="StoryProfile"/> in two steps. <see cref="Read"/> (pure, thread-safe): stems of the title
/// (counted twice: it names the event) and the lead sentences, stop words left out; specifics from the title and first
/// sentence; sampled word triples of the same text for copy detection. <see cref="Weigh"/>: TF-IDF weights from the
/// document frequencies it learns as it goes, so it is not thread-safe and sees reports in stream order.
/// </summary>
internal sealed class ProfileBuilder
{
    private const int TitleWeight = 2;
    private const int MaxLeadChars = 1200;
    private const int MaxTextChars = 6000;
    private const int ShingleSampling = 2;

    [ThreadStatic] private static Scratch? t_scratch;

    public DocumentFrequencies Frequencies { get; } = new();

    /// <param name="tokens">The article's tokens as matching reads them (<see cref="ArticleTokens.Of"/> of its title and
    /// text), so that it is tokenised once; without them the report is tokenised here.</param>
    public static StoryReading Read(StoryArticle article, StoryOptions options, ArticleTokens? tokens = null)
    {
        // Word lists, counts and hash buffers live per thread: a reading keeps only the arrays it returns.
        var scratch = t_scratch ??= new Scratch();
        var title = article.Title.Trim();
        var fullText = article.Text ?? "";
        var text = fullText.Length > MaxTextChars ? fullText[..MaxTextChars] : fullText;
        // Where each sentence lies, not copies of them: the words are read from the tokens of the whole text.
        var sentences = scratch.Sentences;
        sentences.Clear();
        if (text.Length > 0) SentenceSplitter.Spans(text, 0, text.Length, sentences);
        var words = StoryTokens.Of(article.Title, fullText, text, tokens);
        var cursor = 0;
        var titleWords = scratch.Title;
        titleWords.Clear();
        StoryWords.Read(words, article.Title.Length - article.Title.TrimStart().Length, title.Length, ref cursor, titleWords);

        // Proper words: every capitalised word of the text, which the story keeps to recognise the places and names of
        // later reports. The sentences after the lead are read only for them.
        var proper = scratch.Hashes;
        proper.Clear();
        AddProper(proper, titleWords);
        var leadCount = 0;
        var leadChars = 0;
        foreach (var (offset, length) in sentences)
        {
            var lead = leadCount < options.LeadSentences && leadChars <= MaxLeadChars;
            var sentenceWords = lead ? scratch.Lead(leadCount++) : scratch.Rest;
            sentenceWords.Clear();
            StoryWords.Read(words, words.TextStart + offset, length, ref cursor, sentenceWords, capitalizedOnly: !lead);
            AddProper(proper, sentenceWords);
            if (lead) leadChars += length;
        }
        var properWords = WordSet.Of(CollectionsMarshal.AsSpan(proper));
        var leadWords = scratch.Leads(leadCount);

        // Words: what the report says happened (title and first sentence; later ones recall other events), to find a
        // story's places and names in.
        var said = scratch.Hashes;
        said.Clear();
        foreach (var w in titleWords) said.Add(w.Hash);
        if (leadCount > 0) foreach (var w in leadWords[0]) said.Add(w.Hash);
        var saidWords = WordSet.Of(CollectionsMarshal.AsSpan(said));

        var counts = scratch.Counts;
        counts.Clear();
        Count(counts, titleWords, TitleWeight);
        foreach (var sentence in leadWords) Count(counts, sentence, 1);

        var published = DateOnly.FromDateTime(article.Published.UtcDateTime);
        var specifics = SpecificsReader.Read(title, sentences.Count > 0 ? text.Substring(sentences[0].Start, sentences[0].Length) : "", published, titleWords,
            leadCount > 0 ? leadWords[0] : [], properWords);
        // Terms sorted by stem id, with the log of their count, here rather than under the stage's turn: weighing them is then one pass.
        var stemIds = new int[counts.Count];
        var stemCounts = new int[counts.Count];
        var n = 0;
        foreach (var (id, count) in counts)
        {
            stemIds[n] = id;
            stemCounts[n++] = count;
        }
        Array.Sort(stemIds, stemCounts);
        var termFrequencies = new double[n];
        for (var i = 0; i < n; i++) termFrequencies[i] = 1 + Math.Log(stemCounts[i]);
        return new StoryReading(article, stemIds, termFrequencies, specifics, Shingles(scratch, titleWords, leadWords), saidWords, properWords)
        {
            Tokens = words.Shared,
        };
    }

    /// <summary>The report's TF-IDF profile against the reports weighed so far; it counts for the ones after it.</summary>
    public StoryProfile Weigh(StoryReading reading)
    {
        var ids = reading.StemIds;
        Frequencies.Add(ids);
        var weights = new float[ids.Length];
        for (var i = 0; i < ids.Length; i++) weights[i] = (float)(reading.TermFrequencies[i] * Frequencies.Idf(ids[i]));
        return new StoryProfile(new TermVector(ids, weights), reading.Specifics, reading.Shingles, reading.Words, reading.ProperWords, reading.Article.Published);
    }

    private static void AddProper(List<uint> properWords, List<StoryWord> words)
    {
        foreach (var w in words)
        {
            if (w.Capitalized && !w.Stop) properWords.Add(w.Hash);
        }
    }

    private static void Count(Dictionary<int, int> counts, List<StoryWord> words, int weight)
    {
        foreach (var w in words)
        {
            if (w.StemId < 0 || w.Stop || (w.Folded.Length == 1 && !char.IsDigit(w.Folded[0]))) continue;
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, w.StemId, out _);
            count += weight;
        }
    }

    /// <summary>Hashes of word triples over title and lead, keeping those whose hash is even (the same ones in every copy).</summary>
    private static uint[] Shingles(Scratch scratch, List<StoryWord> title, ReadOnlySpan<List<StoryWord>> lead)
    {
        var hashes = scratch.Hashes;
        hashes.Clear();
        foreach (var w in title) hashes.Add(w.Hash);
        foreach (var sentence in lead) foreach (var w in sentence) hashes.Add(w.Hash);
        var shingles = scratch.Shingles;
        shingles.Clear();
        for (var i = 0; i + 2 < hashes.Count; i++)
        {
            var h = WordHash.Combine(WordHash.Combine(hashes[i], hashes[i + 1]), hashes[i + 2]);
            if (h % ShingleSampling == 0) shingles.Add(h);
        }
        return SortedSpan.SortDistinct(CollectionsMarshal.AsSpan(shingles)).ToArray();
    }

    private sealed class Scratch
    {
        private readonly List<List<StoryWord>> _leads = [];

        public List<StoryWord> Title { get; } = [];

        public List<StoryWord> Rest { get; } = [];

        public List<uint> Hashes { get; } = [];

        public List<uint> Shingles { get; } = [];

        public List<(int Start, int Length)> Sentences { get; } = [];

        public Dictionary<int, int> Counts { get; } = [];

        /// <summary>The list for lead sentence <paramref name="index"/>.</summary>
        public List<StoryWord> Lead(int index)
        {
            while (_leads.Count <= index) _leads.Add([]);
            return _leads[index];
        }

        /// <summary>The first <paramref name="count"/> lead sentences' words.</summary>
        public ReadOnlySpan<List<StoryWord>> Leads(int count) => CollectionsMarshal.AsSpan(_leads)[..count];
    }
}
