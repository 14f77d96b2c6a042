namespace AlertBot.Core.Stories;

/// <summary>Where a report went: the story it joined or started, and why.</summary>
/// <param name="Score">TF-IDF cosine with the story it joined (0 for a new story).</param>
/// <param name="Copy">It joined as a copy of a report already in the story (agency text).</param>
/// <param name="Considered">The candidate stories compared, best first, each with its score and any veto; empty when the
/// caller did not ask for it (the pipeline's stories stage, which stores only the story).</param>
public sealed record StoryAssignment(long StoryId, bool IsNewStory, double Score, bool Copy, IReadOnlyList<StoryCandidate> Considered);

/// <summary>A story a report was compared with.</summary>
/// <param name="Veto">The specific that kept the report out ("place", "magnitude 6.4 vs 7.8"), or null.</param>
public sealed record StoryCandidate(long StoryId, double Score, double Containment, string? Veto);
