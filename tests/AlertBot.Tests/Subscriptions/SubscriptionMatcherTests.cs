using AlertBot.Core.Subscriptions;

namespace AlertBot.Tests.Subscriptions;

public sealed class SubscriptionMatcherTests
{
    private static readonly string?[] Topics = [null, "nk-russia", "markets"];

    public enum Priming { None, SameWords, OtherWords }

    [Theory]
    [InlineData(1, Priming.None)]
    [InlineData(2, Priming.SameWords)]
    [InlineData(3, Priming.OtherWords)]
    public void The_index_agrees_with_the_naive_evaluator_on_random_queries_and_articles(int seed, Priming priming)
    {
        var corpus = new RandomCorpus(seed);
        var random = new Random(seed);
        using var matcher = new SubscriptionMatcher();
        // Different term counts make different index keys (words look common, or rarer than any
        // prefix); the answers must not change.
        for (var i = 0; i < 50 && priming != Priming.None; i++)
        {
            var text = priming == Priming.SameWords ? corpus.Article() : $"unrelated filler text number {i}";
            matcher.Statistics.Observe(ArticleTokens.From(text));
        }
        var subscriptions = new Dictionary<long, (string? Topic, Query Query)>();
        for (long id = 1; subscriptions.Count < 2000; id++)
        {
            if (Query.Parse(corpus.Query()).Query is not { } query) continue;
            var topic = Topics[random.Next(Topics.Length)];
            subscriptions[id] = (topic, query);
            matcher.Add(id, topic, query);
        }
        Assert.Contains(subscriptions.Values, s => s.Query.Normalized.Contains('*', StringComparison.Ordinal));
        Assert.Contains(subscriptions.Values, s => s.Query.Normalized.Contains('-', StringComparison.Ordinal));

        var matchedSomething = 0;
        for (var round = 0; round < 2; round++)
        {
            for (var a = 0; a < 150; a++)
            {
                var article = ArticleTokens.From(corpus.Article());
                var topic = Topics[1 + random.Next(2)]!;
                var expected = subscriptions.Where(s => (s.Value.Topic is null || s.Value.Topic == topic) && s.Value.Query.Matches(article))
                    .Select(s => s.Key).Order().ToList();
                Assert.Equal(expected, matcher.Match(topic, article));
                if (expected.Count > 0) matchedSomething++;
            }
            // Second round: after removing half and replacing some, the index must still agree.
            foreach (var id in subscriptions.Keys.Where(_ => random.Next(2) == 0).ToList())
            {
                matcher.Remove(id);
                subscriptions.Remove(id);
            }
            foreach (var id in subscriptions.Keys.Where(_ => random.Next(5) == 0).ToList())
            {
                var replacement = Query.Parse("troops OR " + corpus.Query()).Query ?? Query.Parse("troops").Query!;
                subscriptions[id] = (null, replacement);
                matcher.Add(id, null, replacement);
            }
        }
        Assert.True(matchedSomething > 200, $"only {matchedSomething} articles matched anything");
        Assert.Equal(subscriptions.Count, matcher.Count);
    }

    [Fact]
    public void Adding_and_removing_updates_the_index_without_a_rebuild()
    {
        using var matcher = new SubscriptionMatcher();
        const string text = "North Korean troops were deployed to Russia, Kim Jong-un said.";
        matcher.Add(1, null, Parse("troop"));
        matcher.Add(2, null, Parse("\"kim jong un\" deploy*"));
        matcher.Add(3, null, Parse("troops -russia"));
        Assert.Equal([1L, 2L], matcher.Match("nk", text));

        matcher.Remove(1);
        Assert.Equal([2L], matcher.Match("nk", text));
        matcher.Add(4, null, Parse("KOREAN OR japanese"));
        Assert.Equal([2L, 4L], matcher.Match("nk", text));
        matcher.Add(2, null, Parse("japanese"));
        Assert.Equal([4L], matcher.Match("nk", text));
        matcher.Remove(99);
        Assert.Equal(3, matcher.Count);
    }

    [Fact]
    public void Scoped_subscriptions_see_only_their_topic_and_unscoped_ones_see_all()
    {
        using var matcher = new SubscriptionMatcher();
        matcher.Add(1, "nk-russia", Parse("troops"));
        matcher.Add(2, null, Parse("troops"));
        matcher.Add(3, "nk-russia", Parse(""));
        matcher.Add(4, "markets", Parse(""));
        Assert.Equal([1L, 2L, 3L], matcher.Match("nk-russia", "troops"));
        Assert.Equal([2L, 4L], matcher.Match("markets", "troops"));
        Assert.Equal([2L], matcher.Match("unknown-topic", "troops"));
        Assert.Equal([3L], matcher.Match("nk-russia", "nothing relevant"));
    }

    [Fact]
    public void Phrases_match_only_consecutive_words_across_hyphens_and_case()
    {
        using var matcher = new SubscriptionMatcher();
        matcher.Add(1, null, Parse("\"kim jong-un\""));
        matcher.Add(2, null, Parse("\"north korea\""));
        Assert.Equal([1L], matcher.Match("t", "KIM JONG - UN met Korea's north."));
        Assert.Equal([1L, 2L], matcher.Match("t", "Kim Jong Un of North Korea"));
        Assert.Empty(matcher.Match("t", "Kim and Jong Un"));
    }

    [Fact]
    public void Prefixes_match_word_forms_added_after_the_article_vocabulary_was_seen()
    {
        using var matcher = new SubscriptionMatcher();
        Assert.Empty(matcher.Match("t", "the redeployment of zxqvforces"));
        matcher.Add(1, null, Parse("zxqvfor*"));
        matcher.Add(2, null, Parse("redeploy*"));
        Assert.Equal([1L, 2L], matcher.Match("t", "the redeployment of zxqvforces"));
        Assert.Empty(matcher.Match("t", "deployment of forces"));
    }

    [Fact]
    public async Task Concurrent_matches_with_adds_and_removes_stay_consistent()
    {
        using var matcher = new SubscriptionMatcher();
        for (var id = 0; id < 200; id++) matcher.Add(id, null, Parse("troops"));
        var articles = Enumerable.Range(0, 4).Select(_ => ArticleTokens.From("north korea troops in russia")).ToArray();
        var failures = 0;
        var readers = articles.Select(article => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                var ids = matcher.Match("t", article);
                // Ids 0..199 never leave; writers only add and remove ids from 1000 up.
                if (ids.Count(id => id < 200) != 200) Interlocked.Increment(ref failures);
            }
        })).ToArray();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                matcher.Add(1000 + i, null, Parse(i % 2 == 0 ? "troops" : "korea OR missiles"));
                if (i % 3 == 0) matcher.Remove(1000 + i / 2);
            }
        });
        await Task.WhenAll([.. readers, writer]);
        Assert.Equal(0, failures);
        var expected = Enumerable.Range(0, 200).Select(i => (long)i)
            .Concat(Enumerable.Range(0, 500).Select(i => 1000L + i)).ToHashSet();
        for (var i = 0; i < 500; i++)
        {
            if (i % 3 == 0) expected.Remove(1000 + i / 2);
        }
        Assert.Equal(expected.Order().ToList(), matcher.Match("t", "north korea troops in russia"));
    }

    private static Query Parse(string text) => Query.Parse(text).Query ?? throw new InvalidOperationException(Query.Parse(text).Error);
}
