using System.Text;
using AlertBot.Core.Storage;

namespace AlertBot.Core.Commands;

/// <summary>The <c>/topic status</c> reply: each source's health, last success, last error and next check.</summary>
public static class TopicStatusReport
{
    public static string Render(IReadOnlyList<TopicRecord> topics, IReadOnlyList<SourceRecord> sources, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        foreach (var topic in topics)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(topic.Name).Append(" (").Append(topic.Id).Append("), checked every ")
              .Append(Duration(TimeSpan.FromSeconds(topic.CheckIntervalSeconds))).Append(':');
            foreach (var s in sources.Where(s => s.TopicId == topic.Id))
            {
                sb.Append("\n#").Append(s.Id).Append(' ').Append(s.Url).Append("\n   ");
                if (s.Disabled) sb.Append("disabled: ").Append(s.LastError ?? "by the bot");
                else if (s.ErrorCount > 0) sb.Append("failing (").Append(s.ErrorCount).Append(" in a row): ").Append(s.LastError);
                else if (s.LastSuccessAt is null) sb.Append("not checked yet");
                else sb.Append("ok");
                if (!s.Disabled && s.SkippedItems > 0)
                    sb.Append("; ").Append(s.SkippedItems).Append(" item(s) skipped in the last check (").Append(s.LastItemError).Append(')');
                if (s.LastSuccessAt is { } ok) sb.Append("; last success ").Append(RelativeTime.Ago(now, ok));
                if (!s.Disabled && s.NextCheckAt is { } next) sb.Append("; next check ").Append(next <= now ? "now" : "in " + Duration(next - now));
            }
        }
        return sb.ToString();
    }

    /// <summary>"45s", "12m", "3h 5m", "2d 4h".</summary>
    internal static string Duration(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? $"{Math.Max(1, (int)span.TotalSeconds)}s"
        : span < TimeSpan.FromHours(1) ? $"{(int)span.TotalMinutes}m"
        : span < TimeSpan.FromDays(1) ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : $"{(int)span.TotalDays}d {span.Hours}h";
}
