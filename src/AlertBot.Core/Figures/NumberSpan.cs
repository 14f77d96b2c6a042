namespace AlertBot.Core.Figures;

/// <summary>A number as written, over tokens [Start, End): a value, maybe a range, maybe an order of magnitude.</summary>
internal sealed record NumberSpan(int Start, int End, double Value, double? High)
{
    /// <summary>"thousands", "dozens", "tens of thousands": the text gives only an order of magnitude.</summary>
    public string? Magnitude { get; init; }
    /// <summary>Written in words ("three", "two million") rather than digits.</summary>
    public bool Spelled { get; init; }
    /// <summary>A bare four-digit-or-shorter integer without grouping comma or scale ("2016", "24").</summary>
    public bool Bare { get; init; }
    /// <summary>A scale word with a "-strong" suffix ("a 1.2 million-strong army").</summary>
    public bool Strong { get; init; }
    /// <summary>"from 3,000 to 11,000" after a change verb: the range is a movement, Value is the latest.</summary>
    public bool IsChange { get; init; }
}
