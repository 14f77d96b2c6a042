namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An inverted index of subscriptions. Each subscription is compiled (<see cref="QueryProgram"/>) and
/// filed under a few keys that every matching article must contain: its rarest required term, or
/// each alternative of a top-level OR. An article's distinct words select the candidates filed under
/// them; only those are verified. So matching costs about the article's length plus its candidates,
/// not the number of subscriptions. Empty queries ("everything in the topic") sit on their own list.
/// Add and Remove update the index in place. Matches run concurrently under a read lock; Add and
/// Remove take the write lock briefly.
/// </summary>
public sealed partial class SubscriptionMatcher : ISubscriptionMatcher, IDisposable
{
    private const int AllTopics = -1;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TermVocabulary _vocabulary;
    private readonly PrefixRegistry _prefixes;
    private readonly Dictionary<long, int> _slotOf = [];
    private readonly Dictionary<string, int> _topicIds = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private readonly PostingList _matchAll = new();
    private long[] _ids = new long[16];
    private int[]?[] _programs = new int[16][];
    private int[] _topics = new int[16];
    private int _slotCount;
    private PostingList?[] _stemPostings = new PostingList[256];
    private PostingList?[] _prefixPostings = new PostingList[16];
    private int _subscriptionsWithPrefix;

    public SubscriptionMatcher(TermStatistics? statistics = null)
        : this(statistics ?? new TermStatistics(), TermVocabulary.Shared, PrefixRegistry.Shared)
    {
    }

    internal SubscriptionMatcher(TermStatistics statistics, TermVocabulary vocabulary, PrefixRegistry prefixes)
    {
        Statistics = statistics;
        _vocabulary = vocabulary;
        _prefixes = prefixes;
    }

    /// <summary>The term counts used to pick each subscription's rarest term; fed by every match.</summary>
    public TermStatistics Statistics { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _slotOf.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    public void Add(long subscriptionId, string? topicId, Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Compile outside the lock: it only touches the thread-safe vocabulary and statistics.
        var program = query.Root is null ? null : QueryProgram.Compile(query.Root, _vocabulary, _prefixes, Statistics);
        var hasPrefix = query.Root is not null && QueryProgram.HasPrefix(query.Root);
        _lock.EnterWriteLock();
        try
        {
            if (_slotOf.ContainsKey(subscriptionId)) RemoveLocked(subscriptionId);
            var slot = NewSlot();
            _slotOf[subscriptionId] = slot;
            _ids[slot] = subscriptionId;
            _programs[slot] = program;
            _topics[slot] = topicId is null ? AllTopics : TopicIdOf(topicId);
            if (hasPrefix) _subscriptionsWithPrefix++;
            if (program is null) _matchAll.Add(slot);
            else
            {
                for (var k = 1; k <= program[0]; k++) PostingsFor(program[k]).Add(slot);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(long subscriptionId)
    {
        _lock.EnterWriteLock();
        try { RemoveLocked(subscriptionId); }
        finally { _lock.ExitWriteLock(); }
    }

    public IReadOnlyList<long> Match(string topicId, string articleText) => Match(topicId, ArticleTokens.From(articleText));

    public IReadOnlyList<long> Match(string topicId, ArticleTokens article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Statistics.Observe(article);
        var scratch = MatchScratch.ForCurrentThread();
        scratch.LoadStems(article, _vocabulary.Count);
        var results = new List<long>();
        _lock.EnterReadLock();
        try
        {
            if (_subscriptionsWithPrefix > 0) scratch.LoadPrefixes(article, _prefixes);
            var topic = _topicIds.TryGetValue(topicId, out var t) ? t : -2;
            scratch.Slots.Reset(_slotCount);

            var stemPostings = _stemPostings;
            foreach (var id in article.DistinctStemIds)
            {
                if (id < stemPostings.Length && stemPostings[id] is { } postings) Verify(postings.Items, topic, article, scratch, results);
            }
            if (_subscriptionsWithPrefix > 0)
            {
                foreach (var prefixId in scratch.PrefixIds)
                {
                    if (prefixId < _prefixPostings.Length && _prefixPostings[prefixId] is { } postings) Verify(postings.Items, topic, article, scratch, results);
                }
            }
            foreach (var slot in _matchAll.Items)
            {
                if (_topics[slot] == AllTopics || _topics[slot] == topic) results.Add(_ids[slot]);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        results.Sort();
        return results;
    }

    public void Dispose() => _lock.Dispose();

    private void Verify(ReadOnlySpan<int> slots, int topic, ArticleTokens article, MatchScratch scratch, List<long> results)
    {
        foreach (var slot in slots)
        {
            var slotTopic = _topics[slot];
            if (slotTopic != AllTopics && slotTopic != topic) continue;
            var program = _programs[slot]!;
            // A subscription filed under several keys (an OR) is a candidate once per key found.
            if (program[0] > 1 && !scratch.Slots.Add(slot, 0)) continue;
            if (ProgramEvaluator.Matches(program, QueryProgram.Start(program), article, scratch)) results.Add(_ids[slot]);
        }
    }
}
