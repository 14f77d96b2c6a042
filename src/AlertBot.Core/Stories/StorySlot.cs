namespace AlertBot.Core.Stories;

/// <summary>
/// What the story index keeps per slot where a candidate search reads it: the serial of the story in the slot (0 when
/// free), and the stamp and shared weight of the search in progress. Together, so that a posting entry costs one cache
/// line, not three.
/// </summary>
internal struct StorySlot
{
    public int Serial;
    public int Stamp;
    public double Score;
}
