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

    public DocumentFrequencies Frequencies { get; } = new();

    public static StoryReading Read(StoryArticle article, StoryOptions options)
    {
        var title = article.Title.Trim();
        var text = article.Text ?? "";
        if (text.Length > MaxTextChars) text = text[..MaxTextChars];
        var sentences = SentenceSplitter.Split(text);
        var titleWords = StoryWords.Read(title);
        var leadWords = new List<List<StoryWord>>();
        var leadChars = 0;
        foreach (var sentence in sentences)
        {
            if (leadWords.Count >= options.LeadSentences || leadChars > MaxLeadChars) break;
            leadWords.Add(StoryWords.Read(sentence));
            leadChars += sentence.Length;
        }

        // Words: what the report says happened (title and first sentence; later ones recall other events), to find a
        // story's places and names in. Proper words: every capitalised word of the text, which the story keeps to
        // recognise the places and names of later reports.
        var words = new HashSet<uint>();
        foreach (var w in titleWords) words.Add(w.Hash);
        if (leadWords.Count > 0) foreach (var w in leadWords[0]) words.Add(w.Hash);
        var properWords = new HashSet<uint>();
        AddProper(properWords, titleWords);
        // The lead is read already; only the rest of the text is read again for its capitalised words.
        foreach (var sentence in leadWords) AddProper(properWords, sentence);
        for (var i = leadWords.Count; i < sentences.Count; i++) AddProper(properWords, StoryWords.Read(sentences[i]));

        var counts = new Dictionary<int, int>();
        Count(counts, titleWords, TitleWeight);
        foreach (var sentence in leadWords) Count(counts, sentence, 1);

        var published = DateOnly.FromDateTime(article.Published.UtcDateTime);
        var specifics = SpecificsReader.Read(title, sentences.Count > 0 ? sentences[0] : "", published, titleWords,
            leadWords.Count > 0 ? leadWords[0] : [], properWords);
        return new StoryReading(article, [.. counts.Keys], [.. counts.Values], specifics, Shingles(titleWords, leadWords), words, properWords);
    }

    /// <summary>The report's TF-IDF profile against the reports weighed so far; it counts for the ones after it.</summary>
    public StoryProfile Weigh(StoryReading reading)
    {
        Frequencies.Add(reading.StemIds);
        var weights = new Dictionary<int, float>(reading.StemIds.Length);
        for (var i = 0; i < reading.StemIds.Length; i++)
        {
            var id = reading.StemIds[i];
            weights[id] = (float)((1 + Math.Log(reading.Counts[i])) * Frequencies.Idf(id));
        }
        return new StoryProfile(TermVector.From(weights), reading.Specifics, reading.Shingles, reading.Words, reading.ProperWords, reading.Article.Published);
    }

    private static void AddProper(HashSet<uint> properWords, List<StoryWord> words)
    {
        foreach (var w in words)
        {
            if (w.Capitalized && !StopWords.Contains(w.Folded)) properWords.Add(w.Hash);
        }
    }

    private static void Count(Dictionary<int, int> counts, List<StoryWord> words, int weight)
    {
        foreach (var w in words)
        {
            if (w.StemId < 0 || StopWords.Contains(w.Folded) || (w.Folded.Length == 1 && !char.IsDigit(w.Folded[0]))) continue;
            counts[w.StemId] = counts.GetValueOrDefault(w.StemId) + weight;
        }
    }

    /// <summary>Hashes of word triples over title and lead, keeping those whose hash is even (the same ones in every copy).</summary>
    private static uint[] Shingles(List<StoryWord> title, List<List<StoryWord>> lead)
    {
        var hashes = new List<uint>(title.Count);
        foreach (var w in title) hashes.Add(w.Hash);
        foreach (var sentence in lead) foreach (var w in sentence) hashes.Add(w.Hash);
        var shingles = new List<uint>(hashes.Count / ShingleSampling + 1);
        for (var i = 0; i + 2 < hashes.Count; i++)
        {
            var h = WordHash.Combine(WordHash.Combine(hashes[i], hashes[i + 1]), hashes[i + 2]);
            if (h % ShingleSampling == 0) shingles.Add(h);
        }
        shingles.Sort();
        return [.. shingles.Distinct()];
    }
}
