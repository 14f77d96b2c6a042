namespace AlertBot.Core.Stories;

/// <summary>
/// One word of a report as the stories stage reads it: the folded form and stem id from the shared text
/// foundation, plus what folding throws away and the specifics need (capitals, and whether only spaces separate it from the next word),
/// and whether it is one of the <see cref="StopWords"/> (looked up once per word).
/// </summary>
internal readonly record struct StoryWord(
    string Folded,
    int StemId,
    uint Hash,
    bool Capitalized,
    bool JoinedToNext,
    bool Stop);
