namespace AlertBot.Core.Stories;

/// <summary>What the stories stage keeps of one report to compare it with stories: its weighted terms, its specifics,
/// its shingles (for agency copies), and the words it uses (to check a place against it).</summary>
internal sealed record StoryProfile(
    TermVector Terms,
    Specifics Specifics,
    uint[] Shingles,
    IReadOnlySet<uint> Words,
    IReadOnlySet<uint> ProperWords,
    DateTimeOffset Published);
