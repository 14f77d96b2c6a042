namespace AlertBot.Core.Summaries;

/// <summary>Extractive summary: whole sentences from the lead, within a length budget. Sample-grade body.</summary>
public static class Summarizer
{
    public const int DefaultMaxChars = 300;

    public static string Summarize(string title, string cleanedText, int maxChars = DefaultMaxChars)
    {
        var result = "";
        foreach (var sentence in cleanedText.Replace('\n', ' ').Split(". ", StringSplitOptions.RemoveEmptyEntries))
        {
            var s = sentence.TrimEnd('.') + ".";
            if (s.Length > maxChars || result.Length + s.Length + 1 > maxChars) break;
            result = result.Length == 0 ? s : result + " " + s;
        }
        return result;
    }
}
