namespace AlertBot.Core.Stories;

/// <summary>What the stories stage keeps of one report to compare it with stories: its weighted terms, its specifics,
/// its shingles (for agency copies), the words of its title and first sentence (to find a story's places and names in) and the
/// capitalised words of its whole text (which a story keeps to recognise later reports' places and names).</summary>
internal sealed record StoryProfile(
    TermVector Terms,
    Specifics Specifics,
    uint[] Shingles,
    WordSet Words,
    WordSet ProperWords,
    DateTimeOffset Published);
