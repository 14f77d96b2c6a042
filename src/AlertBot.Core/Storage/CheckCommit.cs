namespace AlertBot.Core.Storage;

/// <summary>Everything one check of one source writes, in one transaction: nothing half-written is left behind.</summary>
/// <param name="TopicId">The source's topic: notices go to its moderators.</param>
/// <param name="Outcome">What happens to the source's fetch state.</param>
/// <param name="Articles">New articles in the order they happened, each with its figures and planned alerts.</param>
public sealed record CheckCommit(long SourceId, string TopicId, SourceOutcome Outcome, IReadOnlyList<NewArticle> Articles);
