namespace AlertBot.Core.Stories;

/// <summary>
/// One check's turn at the stories stage. Assignments change the clusterer at once (a check's second report of a new
/// event joins the story its first one started); unless <see cref="Committed"/> is called before disposal, the stage
/// forgets them by rebuilding from the database.
/// </summary>
public sealed class StoryBatch : IDisposable
{
    private readonly StoryStage _stage;
    private readonly StoryClusterer _clusterer;
    private bool _changed;
    private bool _committed;
    private bool _ended;

    internal StoryBatch(StoryStage stage, StoryClusterer clusterer)
    {
        _stage = stage;
        _clusterer = clusterer;
    }

    public StoryAssignment Assign(StoryArticle article)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        _changed = true;
        return _clusterer.Add(article);
    }

    /// <summary>The check's commit stored every assigned article: the assignments stand.</summary>
    public void Committed() => _committed = true;

    public void Dispose()
    {
        if (_ended) return;
        _ended = true;
        _stage.End(keep: _committed || !_changed);
    }
}
