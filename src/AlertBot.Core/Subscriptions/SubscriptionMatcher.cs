using System.Runtime.CompilerServices;

namespace AlertBot.Core.Subscriptions;

/// <summary>
/// An inverted index of subscriptions. Each subscription is compiled (<see cref="QueryProgram"/>) and
/// filed under a few keys that every matching article must contain: its rarest required term (by
/// <see cref="TermStatistics"/>), or each alternative of a top-level OR. An article's distinct words
/// (and the registered prefixes its words start with) select the candidates filed under them; only
/// those are verified. So matching costs about the article's length plus its candidates, not the
/// number of subscriptions. The index is partitioned by topic (plus one partition for subscriptions
/// spanning all topics), so an article never looks at other topics' subscriptions. Empty queries
/// ("everything in the topic") sit on their partition's match-all list. Add and Remove update the
/// index in place. Matches run concurrently under a read lock; Add and Remove take the write lock
/// briefly. Which key a subscription is filed under is chosen when it is added and not revisited.
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
    private readonly TermIndex _global = new(dense: true);
    private readonly List<TermIndex> _byTopic = [];
    private int[]?[] _programs = new int[16][];
    private int[] _topics = new int[16];
    private int _slotCount;

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
        var program = query.Root is null ? QueryProgram.Empty() : QueryProgram.Compile(query.Root, _vocabulary, _prefixes, Statistics);
        var hasPrefix = query.Root is not null && QueryProgram.HasPrefix(query.Root);
        _lock.EnterWriteLock();
        try
        {
            if (_slotOf.ContainsKey(subscriptionId)) RemoveLocked(subscriptionId);
            var slot = NewSlot();
            _slotOf[subscriptionId] = slot;
            QueryProgram.SetHeader(program, slot, subscriptionId);
            _programs[slot] = program;
            var topic = topicId is null ? AllTopics : TopicIdOf(topicId);
            _topics[slot] = topic;
            var index = IndexOf(topic);
            index.Count++;
            if (hasPrefix) index.WithPrefix++;
            if (QueryProgram.IsEmpty(program)) index.MatchAll.Add(program);
            else
            {
                for (var k = 0; k < QueryProgram.KeyCount(program); k++) index.For(QueryProgram.Key(program, k)).Add(program);
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

    // The matching and tokenising hot paths are compiled fully optimised at once. Under tiered
    // compilation their loops ran as unoptimised or instrumented code for the first thousands of
    // articles after each change of load (and the JIT's rework cost CPU beside them).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<long> Match(string topicId, ArticleTokens article, bool includeAllTopics = true)
    {
        ArgumentNullException.ThrowIfNull(article);
        Statistics.Observe(article);
        var scratch = MatchScratch.ForCurrentThread();
        scratch.LoadStems(article, _vocabulary.Count);
        // Collected in a reused per-thread list, returned as one exact-size array: at a million
        // subscriptions an article matches thousands, and growing a fresh list each time adds up.
        var results = scratch.Results;
        results.Clear();
        _lock.EnterReadLock();
        try
        {
            scratch.Slots.Reset(_slotCount);
            var prefixesLoaded = false;
            if (includeAllTopics) Collect(_global, article, scratch, ref prefixesLoaded, results);
            if (_topicIds.TryGetValue(topicId, out var topic)) Collect(_byTopic[topic], article, scratch, ref prefixesLoaded, results);
        }
        finally
        {
            _lock.ExitReadLock();
        }
        if (results.Count == 0) return [];
        var found = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(results);
        ResultOrder.Sort(found, ref scratch.SortBuffer);
        return found.ToArray();
    }

    public void Dispose() => _lock.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Collect(TermIndex index, ArticleTokens article, MatchScratch scratch, ref bool prefixesLoaded, List<long> results)
    {
        if (index.Count == 0) return;
        // Before any verification: a candidate found through a word may still test a prefix.
        if (index.WithPrefix > 0 && !prefixesLoaded)
        {
            scratch.LoadPrefixes(article, _prefixes);
            prefixesLoaded = true;
        }
        foreach (var id in article.DistinctStemIds)
        {
            if (index.TryStemPostings(id, out var data, out var length)) Verify(data, length, article, scratch, results);
        }
        if (index.WithPrefix > 0)
        {
            foreach (var prefixId in scratch.PrefixIds)
            {
                if (index.TryPrefixPostings(prefixId, out var data, out var length)) Verify(data, length, article, scratch, results);
            }
        }
        var all = index.MatchAll.Buffer;
        for (var at = 0; at < index.MatchAll.Length; at += all[at]) results.Add(QueryProgram.Id(all, at + 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Verify(int[] data, int length, ArticleTokens article, MatchScratch scratch, List<long> results)
    {
        for (var at = 0; at < length; at += data[at])
        {
            var program = at + 1;
            scratch.Candidates++;
            // A subscription filed under several keys (an OR) is a candidate once per key found.
            if (QueryProgram.KeyCount(data, program) > 1 && !scratch.Slots.Add(QueryProgram.Slot(data, program))) continue;
            var start = QueryProgram.Start(data, program);
            // A lone term is the key this candidate was found under: nothing left to check.
            var alone = data[start] == QueryProgram.Term && start + 3 == at + data[at];
            if (alone || ProgramEvaluator.Matches(data, start, article, scratch)) results.Add(QueryProgram.Id(data, program));
        }
    }
}
