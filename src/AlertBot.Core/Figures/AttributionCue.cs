namespace AlertBot.Core.Figures;

/// <summary>One place in a sentence that says who claims something.</summary>
/// <param name="Claimant">Who ("South Korea's Joint Chiefs of Staff"); null for a generic source ("reports") or a pronoun.</param>
/// <param name="Index">Token index of the cue word ("said", "according").</param>
/// <param name="SpanStart">Character span of the claimant in the sentence: its words are not the figure's subject.</param>
/// <param name="IsPronoun">"he said": the claimant is whoever the previous sentence named.</param>
/// <param name="IsEcho">"X echoed similar estimates": an additional claimant, not the main one.</param>
internal sealed record AttributionCue(string? Claimant, int Index, int SpanStart, int SpanEnd, bool IsPronoun = false, bool IsEcho = false);
