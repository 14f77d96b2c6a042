namespace AlertBot.Core.Stories;

/// <summary>
/// One check's use of the stories stage. It holds the stage's turn from <see cref="StoryStage.BeginAsync"/> until
/// <see cref="Assigned"/> (or disposal): assignments change the clusterer at once (a check's second report of a new
/// event joins the story its first one started). Unless <see cref="Committed"/> is called before disposal, the stage
/// forgets them by rebuilding from the database once no other check is between its turn and its commit.
/// </summary>
public sealed class StoryBatch : IDisposable
{
    private readonly StoryStage _stage;
    private readonly StoryClusterer _clusterer;
    private bool _holdsTurn = true;
    private bool _changed;
    private bool _committed;
    private bool _ended;

    internal StoryBatch(StoryStage stage, StoryClusterer clusterer)
    {
        _stage = stage;
        _clusterer = clusterer;
    }

    public StoryAssignment Assign(StoryArticle article) => Assign(_clusterer.Read(article));

    public StoryAssignment Assign(StoryReading reading)
    {
        ObjectDisposedException.ThrowIf(_ended || !_holdsTurn, this);
        _changed = true;
        return _clusterer.Add(reading, explain: false);
    }

    /// <summary>The check assigned its reports: other checks may assign theirs while it routes and commits.</summary>
    public void Assigned()
    {
        if (!_holdsTurn) return;
        _holdsTurn = false;
        _stage.ReleaseTurn();
    }

    /// <summary>The check's commit stored every assigned article: the assignments stand.</summary>
    public void Committed() => _committed = true;

    public void Dispose()
    {
        if (_ended) return;
        Assigned();
        _ended = true;
        _stage.End(keep: _committed || !_changed);
    }
}
