namespace AlertBot.Core.Text;

/// <summary>
/// Splits text into folded word tokens, the same way for queries and articles.
/// Rules (each exists so that two spellings of one name meet):
/// <list type="bullet">
/// <item>letters and digits form words; everything else separates them, so "Jong-un", "Jong un" and
/// "JONG - UN" all give "jong", "un";</item>
/// <item>case and diacritics are folded ("Pyongyang" = "PYÖNGYANG");</item>
/// <item>an apostrophe inside a word is dropped ("O'Neill" → "oneill"), a possessive "'s" is removed
/// ("Russia’s" → "russia"); curly and straight apostrophes are the same;</item>
/// <item>soft hyphens and zero-width characters vanish without splitting;</item>
/// <item>digit groups join: "3,000" → "3000", "3.5" → "3.5".</item>
/// </list>
/// </summary>
public static class Tokenizer
{
    /// <summary>Folded surface tokens of <paramref name="text"/>, unstemmed.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        var scanner = new TokenScanner(text ?? "");
        while (scanner.MoveNext()) tokens.Add(scanner.Current.ToString());
        return tokens;
    }

    /// <summary>Folded and stemmed tokens of <paramref name="text"/>: the form in which two texts are compared.</summary>
    public static List<string> Stems(string? text)
    {
        var stems = new List<string>();
        var scanner = new TokenScanner(text ?? "");
        while (scanner.MoveNext()) stems.Add(EnglishStemmer.Stem(scanner.Current.ToString()));
        return stems;
    }
}
