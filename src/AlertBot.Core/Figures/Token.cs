using System.Text.RegularExpressions;

namespace AlertBot.Core.Figures;

internal enum TokenKind { Word, Number, Punct }

/// <summary>A word, a digit group ("3,000", "1.2") or one punctuation mark, with its offsets in the sentence.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Lower, int Start, int End)
{
    public bool IsWord => Kind == TokenKind.Word;
    public bool IsNumber => Kind == TokenKind.Number;
    public bool Is(string lower) => Lower == lower;
    public bool IsCapitalised => Kind == TokenKind.Word && char.IsUpper(Text[0]);
}

internal static partial class FigureTokenizer
{
    // Digit groups keep their thousands commas ("3,000") but not a trailing comma ("3,000, said").
    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|(?<w>\p{L}+(?:['’\-]\p{L}+)*)|(?<p>\S)")]
    private static partial Regex TokenPattern();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
        {
            var kind = m.Groups["n"].Success ? TokenKind.Number : m.Groups["w"].Success ? TokenKind.Word : TokenKind.Punct;
            var value = m.Value;
            // Curly apostrophes are folded so lexicons need one spelling ("korea's").
            var lower = kind == TokenKind.Word ? value.ToLowerInvariant().Replace('’', '\'') : value;
            tokens.Add(new Token(kind, value, lower, m.Index, m.Index + m.Length));
        }
        return tokens;
    }
}
