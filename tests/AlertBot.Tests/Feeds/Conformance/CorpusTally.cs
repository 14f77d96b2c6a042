using System.Text.Json;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>What both corpora count the same way: documents, crashes, and malformed input recovered.</summary>
internal abstract class CorpusTally
{
    public Dictionary<string, Score> Suites { get; } = [];
    public int Documents { get; private set; }
    public int CrashFree { get; private set; }
    public int MalformedDocuments { get; private set; }
    public int MalformedCrashFree { get; private set; }
    public int MalformedWithContent { get; private set; }
    public int MalformedRecovered { get; private set; }
    public List<string> Crashes { get; } = [];

    /// <summary>Runs every case listed in the corpus's derived index file.</summary>
    protected void RunAll(string corpus, string indexFile)
    {
        foreach (var line in File.ReadLines(Path.Combine(corpus, "_derived", indexFile)))
        {
            using var doc = JsonDocument.Parse(line);
            RunCase(corpus, doc.RootElement);
        }
    }

    protected abstract void RunCase(string corpus, JsonElement record);

    /// <returns>False when the parser crashed, so the case has nothing more to score.</returns>
    protected bool CountDocument(string file, Outcome outcome, bool malformed)
    {
        Documents++;
        if (malformed) MalformedDocuments++;
        if (outcome is not (Outcome.Ok or Outcome.GracefulError))
        {
            Crashes.Add($"{outcome}: {file}");
            return false;
        }
        CrashFree++;
        if (malformed) MalformedCrashFree++;
        return true;
    }

    protected void CountRecovery(bool recovered)
    {
        MalformedWithContent++;
        if (recovered) MalformedRecovered++;
    }
}
