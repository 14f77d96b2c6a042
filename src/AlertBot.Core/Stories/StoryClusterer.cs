using System.Runtime.InteropServices;

namespace AlertBot.Core.Stories;

/// <summary>
/// Groups reports into stories, online: each report is compared with the stories active in the window (their
/// first report at most <see cref="StoryOptions.Window"/> away) and joins the most similar one — TF-IDF cosine at
/// least <see cref="StoryOptions.JoinThreshold"/> and no conflicting specific — or starts a new story. A copy of a
/// report already in a story (agency text on two sites) joins it whatever its score; only conflicting numbers (a
/// template reused for another event) keep it out. Nothing is ever re-clustered: a report's
/// story never changes, so an alert once sent stays right. Deterministic for a given order of reports.
/// Not thread-safe: one clusterer serves one stream in order.
/// </summary>
public sealed class StoryClusterer
{
    private const int MaxCandidates = 24;
    private const int MinPostingWalk = 500;
    private const int MinCoveredShingles = 4;

    private readonly StoryOptions _options;
    private readonly ProfileBuilder _profiles = new();
    private readonly StoryIndex _index = new();
    private readonly ReportWeights _report = new();
    private readonly List<(Story Story, double Score)> _candidates = new(MaxCandidates);
    private DateTimeOffset _clock = DateTimeOffset.MinValue;
    private readonly Func<long>? _newId;
    private long _nextId = 1;

    /// <param name="newId">Hands out the ids of new stories (the stories stage takes them from the database); without it they count from 1.</param>
    public StoryClusterer(StoryOptions options, Func<long>? newId = null)
    {
        _options = options;
        _newId = newId;
    }

    /// <summary>Stories currently in the window.</summary>
    public int ActiveStories => _index.Count;

    /// <summary>
    /// Puts a report back into the story it was assigned to earlier (the stories stage rebuilding its window from the
    /// database after a restart), without deciding anything: the story is created when it is not active yet.
    /// </summary>
    public void Restore(StoryArticle article, long storyId)
    {
        ArgumentNullException.ThrowIfNull(article);
        var profile = Profile(Read(article));
        if (_index.Find(storyId) is { } story)
        {
            _index.Post(story, CollectionsMarshal.AsSpan(story.Join(profile, _options.MaxStoryTerms)));
        }
        else if (article.Published >= _clock - _options.Window)
        {
            _index.Add(new Story(storyId, profile, _options.MaxStoryTerms));
        }
        _nextId = Math.Max(_nextId, storyId + 1);
    }

    /// <summary>Reads a report for <see cref="Add(StoryReading)"/>: pure, so callers may read in parallel.</summary>
    /// <param name="tokens">Its title and text as matching reads them (<see cref="Subscriptions.ArticleTokens.Of"/>), if at hand.</param>
    public StoryReading Read(StoryArticle article, Subscriptions.ArticleTokens? tokens = null) => ProfileBuilder.Read(article, _options, tokens);

    public StoryAssignment Add(StoryArticle article) => Add(Read(article));

    /// <summary>Weighs a report read by <see cref="Read"/> against the stream so far and joins it to a story or starts one.</summary>
    public StoryAssignment Add(StoryReading reading) => Add(reading, explain: true);

    /// <summary>
    /// As <see cref="Add(StoryReading)"/>; without <paramref name="explain"/> the assignment's
    /// <see cref="StoryAssignment.Considered"/> is empty, and a candidate that can no longer change where the report goes
    /// (one after the story it joins that is not a better copy) is not checked for vetoes: the same assignment, for less.
    /// </summary>
    public StoryAssignment Add(StoryReading reading, bool explain)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var article = reading.Article;
        var profile = Profile(reading);

        var considered = explain ? new List<StoryCandidate>() : null;
        Story? joined = null, copyOf = null;
        double joinedScore = 0, bestContainment = 0;
        // Walking a term's postings is skipped only for terms in more than 1% of the active stories (and more than
        // MinPostingWalk of them): such a term points at too many stories to find one, and walking them was most of
        // the cost of a report against a full window.
        var maxPosting = Math.Max(MinPostingWalk, _index.Count / 100);
        var candidates = _candidates;
        candidates.Clear();
        _report.Load(profile.Terms);
        foreach (var s in _index.Candidates(profile.Terms, MaxCandidates, maxPosting))
        {
            if ((article.Published - s.Start).Duration() <= _options.Window) candidates.Add((s, _report.Cosine(s.Terms)));
        }
        // Best first, ties by the older story (ids are unique, so the order is total).
        candidates.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Story.Id.CompareTo(b.Story.Id));
        foreach (var (story, score) in candidates)
        {
            var containment = Containment(profile.Shingles, story.Shingles);
            var copy = containment >= _options.CopyContainment;
            // Once the report has a story to join, only a copy of a story with more of its shingles can still change that.
            var decides = joined is null || (copy && containment > bestContainment);
            var veto = (explain || decides) && (score >= _options.JoinThreshold || copy) ? StoryConflicts.Find(profile, story, copy) : null;
            considered?.Add(new StoryCandidate(story.Id, score, containment, veto));
            if (veto is not null) continue;
            if (copy && containment > bestContainment)
            {
                copyOf = story;
                bestContainment = containment;
            }
            if (joined is null && score >= _options.JoinThreshold)
            {
                joined = story;
                joinedScore = score;
            }
        }

        if (copyOf is not null)
        {
            joined = copyOf;
            joinedScore = _report.Cosine(copyOf.Terms);
        }
        if (joined is null)
        {
            var story = new Story(_newId?.Invoke() ?? _nextId++, profile, _options.MaxStoryTerms);
            _index.Add(story);
            return new StoryAssignment(story.Id, true, 0, false, considered ?? []);
        }
        _index.Post(joined, CollectionsMarshal.AsSpan(joined.Join(profile, _options.MaxStoryTerms)));
        return new StoryAssignment(joined.Id, false, joinedScore, copyOf is not null, considered ?? []);
    }

    /// <summary>The report's profile; a report newer than any before moves the window on.</summary>
    private StoryProfile Profile(StoryReading reading)
    {
        var profile = _profiles.Weigh(reading);
        if (profile.Published > _clock)
        {
            _clock = profile.Published;
            _index.RetireBefore(_clock - _options.Window);
        }
        return profile;
    }

    /// <summary>Share of the report's sampled shingles that the story holds (both sorted, distinct: one merge).</summary>
    private static double Containment(uint[] report, uint[] story)
    {
        if (report.Length == 0 || story.Length == 0) return 0;
        int shared = 0, covered = 0, j = 0;
        // The story keeps only its smallest hashes: compare within the range it covers.
        var last = story[^1];
        foreach (var h in report)
        {
            if (h > last) break;
            covered++;
            while (story[j] < h) j++;
            if (story[j] == h) shared++;
        }
        return covered < MinCoveredShingles ? 0 : (double)shared / covered;
    }
}
