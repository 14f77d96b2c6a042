using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds.Conformance;

internal enum Outcome { Ok, GracefulError, Crash, Timeout }

/// <summary>Parses one corpus document in isolation: an exception, an invalid result or a hang is counted, not fatal.</summary>
internal static class CorpusRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static (Outcome Outcome, FeedParseResult? Result) Run(byte[] bytes, Uri? baseUrl, string? contentType)
    {
        var task = Task.Run(() => FeedParser.Parse(bytes, baseUrl, contentType));
        try
        {
            if (!task.Wait(Limit)) return (Outcome.Timeout, null);
        }
        catch (AggregateException)
        {
            return (Outcome.Crash, null);
        }
        var result = task.Result;
        if (result.Feed is null == string.IsNullOrEmpty(result.Error)) return (Outcome.Crash, result);
        return (result.Feed is null ? Outcome.GracefulError : Outcome.Ok, result);
    }
}
