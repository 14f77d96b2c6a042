namespace AlertBot.Core.Storage;

/// <summary>Everything one check of one source writes, in one transaction: nothing half-written is left behind.</summary>
/// <param name="TopicId">The source's topic: notices go to its moderators.</param>
/// <param name="Outcome">What happens to the source's fetch state.</param>
/// <param name="Articles">New articles in the order they happened, each with its figures and planned alerts.</param>
public sealed record CheckCommit(long SourceId, string TopicId, SourceOutcome Outcome, IReadOnlyList<NewArticle> Articles)
{
    /// <summary>The same notice for the other topics that use the feed, each naming its own topic, for its own moderators.</summary>
    public IReadOnlyList<TopicNotice> OtherNotices { get; init; } = [];
}

/// <summary>A notice for the moderators of one topic.</summary>
public sealed record TopicNotice(string TopicId, string Notice);
