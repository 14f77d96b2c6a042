namespace AlertBot.Core.Figures;

/// <summary>What a number counts, as learnt from its sentence.</summary>
/// <param name="Measure">Normalised measure: "troops deployed", "killed", "army size", "homes destroyed".</param>
/// <param name="Noun">The counted noun in normal form ("troops", "homes"), for elided nouns later ("and 2,700 injured").</param>
/// <param name="Demonym">A nationality written next to the noun ("North Korean"), else null.</param>
/// <param name="Qualifiers">Qualifiers found inside the phrase ("additional", "estimated").</param>
internal sealed record LearntMeasure(string Measure, string Noun, string? Demonym, IReadOnlyList<string> Qualifiers);
