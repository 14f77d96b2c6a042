using AlertBot.Core.Text;

namespace AlertBot.Core.Stories;

/// <summary>
/// Builds a report's <see cref="StoryProfile"/>: TF-IDF over the title (counted twice: it names the event) and the
/// lead sentences, stop words left out; specifics from the title and first sentence; sampled word triples of the
/// same text for copy detection. Learns document frequencies as it goes, so it is not thread-safe.
/// </summary>
internal sealed class ProfileBuilder(StoryOptions options)
{
    private const int TitleWeight = 2;
    private const int MaxLeadChars = 1200;
    private const int MaxTextChars = 6000;
    private const int ShingleSampling = 2;

    public DocumentFrequencies Frequencies { get; } = new();

    public StoryProfile Build(StoryArticle article)
    {
        var title = article.Title.Trim();
        var text = article.Text ?? "";
        var sentences = SentenceSplitter.Split(text.Length > MaxTextChars ? text[..MaxTextChars] : text);
        var titleWords = StoryWords.Read(title);
        var leadWords = new List<List<StoryWord>>();
        var leadChars = 0;
        foreach (var sentence in sentences)
        {
            if (leadWords.Count >= options.LeadSentences || leadChars > MaxLeadChars) break;
            leadWords.Add(StoryWords.Read(sentence));
            leadChars += sentence.Length;
        }

        var textWords = StoryWords.Read(text.Length > MaxTextChars ? text[..MaxTextChars] : text);
        // Words: what the report says happened (title and first sentence; later ones recall other events), to find a
        // story's places and names in. Proper words: every capitalised word of the text, which the story keeps to
        // recognise the places and names of later reports.
        var words = new HashSet<uint>();
        foreach (var w in titleWords.Concat(leadWords.Count > 0 ? leadWords[0] : [])) words.Add(w.Hash);
        var properWords = new HashSet<uint>();
        foreach (var w in titleWords.Concat(textWords))
        {
            if (w.Capitalized && !StopWords.Contains(w.Folded)) properWords.Add(w.Hash);
        }

        var counts = new Dictionary<int, int>();
        Count(counts, titleWords, TitleWeight);
        foreach (var sentence in leadWords) Count(counts, sentence, 1);
        Frequencies.Add(counts.Keys);
        var weights = new Dictionary<int, float>(counts.Count);
        foreach (var (id, tf) in counts) weights[id] = (float)((1 + Math.Log(tf)) * Frequencies.Idf(id));

        var published = DateOnly.FromDateTime(article.Published.UtcDateTime);
        var specifics = SpecificsReader.Read(title, sentences.Count > 0 ? sentences[0] : "", published, titleWords,
            leadWords.Count > 0 ? leadWords[0] : [], properWords);
        return new StoryProfile(TermVector.From(weights), specifics, Shingles(titleWords, leadWords), words, properWords, article.Published);
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
