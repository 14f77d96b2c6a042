using System.Globalization;
using System.Text;
using AlertBot.Core.Chats;
using AlertBot.Core.Feeds;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Topics;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Commands.Groups;

/// <summary>
/// <c>/topic source add|remove|enable</c> and <c>/topic export|import</c>: the feeds of a community's own topic. A feed is
/// fetched once before it is accepted; a feed another topic already uses is shared, not fetched twice.
/// </summary>
public sealed class TopicFeedActions(
    SourceStore sources,
    TopicAccess access,
    FeedProbe probe,
    OpmlTransfer opml,
    SourceChecker checker,
    ISourceSchedule schedule,
    IOptions<ChatLimitsOptions> limits,
    TimeProvider time)
{
    public async Task<CommandReply> AddAsync(CommandRequest request, string topicId, string url, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, topicId, ct);
        if (topic is null) return refusal!;
        if (url.Length == 0) return CommandReply.Error($"Usage: /topic source add {topic.Id} <feed or web page URL>.");
        var max = limits.Value.FeedsPerTopic;
        if ((await sources.ForTopicAsync(topic.Id, ct)).Count >= max)
            return CommandReply.Error($"{topic.Id} has {max} feeds, the most a topic may have (Limits:FeedsPerTopic). Remove one first.");

        switch (await probe.ProbeAsync(url, ct))
        {
            case FeedProbeResult.Problem p:
                return CommandReply.Error($"I could not use {ReplyText.Echo(url, 200)}: {ReplyText.Echo(p.Error, 200)}.");
            case FeedProbeResult.Page page:
                var list = new StringBuilder($"That is a web page, not a feed. It announces {page.Feeds.Count} feed(s); add one with /topic source add {topic.Id} <url>:");
                foreach (var f in page.Feeds) list.Append("\n• ").Append(ReplyText.Echo(f, 300));
                return new CommandReply(list.ToString());
            case FeedProbeResult.Found found:
                var (id, already) = await sources.AddToTopicAsync(topic.Id, found.Url, found.Title is null ? null : ReplyText.Echo(found.Title, 200), request.UserId, time.GetUtcNow(), ct);
                if (already) return new CommandReply($"{topic.Id} already has that feed (#{id}).");
                await access.RecordAsync(request, $"topic source add {topic.Id}", null, $"#{id} {found.Url}", ct);
                await schedule.ScheduleAsync(id, time.GetUtcNow(), ct);
                var reply = new StringBuilder($"Added feed #{id} to {topic.Id}: ");
                reply.Append(ReplyText.Echo(found.Title ?? "(untitled)", 120)).Append(", ").Append(found.ItemCount).Append(" item(s)");
                if (found.NewestTitle is not null)
                {
                    reply.Append("; newest: ").Append(ReplyText.Echo(found.NewestTitle, 160));
                    if (found.NewestPublished is { } at) reply.Append(" (").Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC)");
                }
                reply.Append(".\nNew items from now on are alerted to those who follow ").Append(topic.Id).Append('.');
                return new CommandReply(reply.ToString());
            default:
                throw new InvalidOperationException("unknown probe result");
        }
    }

    public async Task<CommandReply> RemoveAsync(CommandRequest request, string topicId, string which, CancellationToken ct)
    {
        var (topic, feed, refusal) = await FeedOfAsync(request, topicId, which, "remove", ct);
        if (feed is null) return refusal!;
        await sources.RemoveFromTopicAsync(topic!.Id, feed.Id, ct);
        await access.RecordAsync(request, $"topic source remove {topic.Id}", $"#{feed.Id} {feed.Url}", null, ct);
        return new CommandReply($"Feed #{feed.Id} removed from {topic.Id}.");
    }

    /// <summary>Turns a disabled (or failing) feed back on and checks it at once, replying with what the check found.</summary>
    public async Task<CommandReply> EnableAsync(CommandRequest request, string topicId, string which, CancellationToken ct)
    {
        var (topic, feed, refusal) = await FeedOfAsync(request, topicId, which, "enable", ct);
        if (feed is null) return refusal!;
        await sources.EnableAsync(feed.Id, time.GetUtcNow(), ct);
        await access.RecordAsync(request, $"topic source enable {topic!.Id}", feed.Disabled ? "disabled: " + (feed.LastError ?? "") : "enabled", $"#{feed.Id} enabled", ct);
        var result = await checker.CheckAsync(feed.Id, honourDrip: false, ct);
        if (result.Busy)
        {
            // Another check holds the feed right now: it is being checked, and its items come from that check.
            await schedule.ScheduleAsync(feed.Id, time.GetUtcNow(), ct);
            return new CommandReply($"Feed #{feed.Id} is enabled and is being checked right now; its new items are alerted when that check ends.");
        }
        if (result.NextCheckAt is { } next) await schedule.ScheduleAsync(feed.Id, next, ct);
        return result.Error is null
            ? new CommandReply($"Feed #{feed.Id} is enabled and was checked just now: ok, {result.NewArticles} new item(s).")
            : new CommandReply($"Feed #{feed.Id} is enabled, but the check just now failed: {ReplyText.Echo(result.Error, 200)}. It is retried with backoff.");
    }

    public async Task<CommandReply> ExportAsync(CommandRequest request, string topicId, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, topicId, ct);
        if (topic is null) return refusal!;
        var feeds = await sources.ForTopicAsync(topic.Id, ct);
        return new CommandReply($"{topic.Id}: {feeds.Count} feed(s) as OPML.") { File = new ReplyFile(topic.Id + ".opml", Opml.Write(topic.Name, feeds.Select(f => new OpmlFeed(f.Url, f.Title))), Opml.ContentType) };
    }

    /// <summary>
    /// /topic import &lt;topic&gt; with an OPML file (a Discord attachment, a Telegram document), or an OPML URL or text.
    /// The file is read only after the caller's rights were checked, and never beyond <see cref="OpmlTransfer.MaxFileBytes"/>.
    /// </summary>
    public async Task<CommandReply> ImportAsync(CommandRequest request, string topicId, string value, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, topicId, ct);
        if (topic is null) return refusal!;
        var max = limits.Value.FeedsPerTopic;
        OpmlImportResult result;
        if (request.Attachment is { } file)
        {
            var (text, error) = await ReadFileAsync(file, ct);
            result = text is null ? OpmlImportResult.Failed(error!) : await opml.ImportTextAsync(topic.Id, text, request.UserId, max, ct);
            if (result.Error is not null)
                return CommandReply.Error($"Nothing was imported from {ReplyText.Echo(file.FileName, 100)}: {ReplyText.Echo(result.Error, 200)}.");
        }
        else
        {
            if (value.Length == 0)
                return CommandReply.Error($"Usage: /topic import {topic.Id} <OPML URL>, or send an OPML file with the command (Discord: its file option; Telegram: the command as the file's caption, or as a reply to it).");
            result = await opml.ImportAsync(topic.Id, value, request.UserId, max, ct);
            if (result.Error is not null) return CommandReply.Error($"Nothing was imported: {ReplyText.Echo(result.Error, 200)}.");
        }
        foreach (var id in result.Added) await schedule.ScheduleAsync(id, time.GetUtcNow(), ct);
        await access.RecordAsync(request, $"topic import {topic.Id}", null, $"{result.Added.Count} feed(s) added", ct);
        var reply = $"Imported into {topic.Id}: {result.Added.Count} feed(s) added, {result.Known} already there, {result.Refused.Count} refused.";
        if (result.Refused.Count > 0) reply += "\nRefused: " + string.Join(", ", result.Refused.Take(5).Select(r => ReplyText.Echo(r, 120)));
        return new CommandReply(reply);
    }

    /// <summary>An attached file's text: refused above the size cap, fetched through the guarded fetcher or read by the platform.</summary>
    private async Task<(string? Text, string? Error)> ReadFileAsync(CommandAttachment file, CancellationToken ct)
    {
        if (file.Size > OpmlTransfer.MaxFileBytes) return (null, $"the file is larger than {OpmlTransfer.MaxFileBytes / 1024} KiB");
        if (file.Download is { } download)
        {
            var read = await download(OpmlTransfer.MaxFileBytes, ct);
            return read.Bytes is { } bytes ? (Encoding.UTF8.GetString(bytes), null) : (null, read.Error ?? "the file could not be read");
        }
        return file.Url is { } url ? await opml.FetchAsync(url, ct) : (null, "the file could not be read");
    }

    /// <summary>The community's topic and one of its feeds, by #number or URL.</summary>
    private async Task<(TopicRecord? Topic, SourceRecord? Feed, CommandReply? Refusal)> FeedOfAsync(
        CommandRequest request, string topicId, string which, string verb, CancellationToken ct)
    {
        var (topic, refusal) = await access.OwnedAsync(request, topicId, ct);
        if (topic is null) return (null, null, refusal);
        var feeds = await sources.ForTopicAsync(topic.Id, ct);
        var typed = which.Trim();
        var feed = long.TryParse(typed.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? feeds.FirstOrDefault(f => f.Id == number)
            : feeds.FirstOrDefault(f => f.Url == FeedUrl.Normalise(typed));
        if (feed is null)
        {
            return (topic, null, CommandReply.Error(typed.Length == 0
                ? $"Usage: /topic source {verb} {topic.Id} <number or URL>; /topic sources {topic.Id} lists them."
                : $"{topic.Id} has no feed {ReplyText.Echo(typed, 200)}. /topic sources {topic.Id} lists them."));
        }
        return (topic, feed, null);
    }
}
