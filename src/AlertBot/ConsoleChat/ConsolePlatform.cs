using System.Text;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;

namespace AlertBot.ConsoleChat;

/// <summary>The Console chat platform: one local chat, alerts and replies printed as plain text.</summary>
public sealed class ConsolePlatform(ConsoleIO io, TimeProvider time) : IChatPlatform
{
    public const string PlatformName = "console";

    /// <summary>The single chat the person at the terminal is in.</summary>
    public static ChatTarget LocalChat { get; } = new(PlatformName, "local");

    public string Name => PlatformName;

    private long _messages;

    /// <summary>Each alert gets a number, which its later edits and replies name.</summary>
    public Task<DeliveryResult> SendAlertAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _messages).ToString(System.Globalization.CultureInfo.InvariantCulture);
        io.Write(Format(alert, time.GetUtcNow()));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(id));
    }

    /// <summary>A terminal cannot change what it printed: the edited alert is printed again, marked as an edit of its number.</summary>
    public Task<DeliveryResult> EditAlertAsync(AlertMessage alert, string messageId, CancellationToken cancellationToken)
    {
        io.Write($"\n[edited alert {Sanitize(messageId)}]" + Format(alert, time.GetUtcNow()));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered(messageId));
    }

    public Task<DeliveryResult> SendReplyAsync(ChatTarget target, string text, string replyToMessageId, CancellationToken cancellationToken)
    {
        io.Write($"\n[update to alert {Sanitize(replyToMessageId)}] {Sanitize(text)}\n");
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }

    public Task<DeliveryResult> SendNoticeAsync(ChatTarget target, string text, CancellationToken cancellationToken)
    {
        io.Write($"\n[notice] {Sanitize(text)}\n");
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
    }

    public static string Format(AlertMessage alert, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append("\n🔔 [").Append(alert.TopicId).Append("] ").Append(Sanitize(alert.Title)).Append('\n');
        var meta = new List<string>();
        if (alert.Outlet is not null) meta.Add(Sanitize(alert.Outlet));
        if (alert.Published is { } published) meta.Add(RelativeTime.Ago(now, published));
        if (meta.Count > 0) sb.Append("   ").Append(string.Join(" · ", meta)).Append('\n');
        if (alert.AlsoReportedLine is { } also) sb.Append("   ").Append(Sanitize(also)).Append('\n');
        if (alert.Summary.Length > 0) sb.Append("   ").Append(Sanitize(alert.Summary)).Append('\n');
        foreach (var f in alert.Figures)
        {
            sb.Append("   • ").Append(Sanitize(f.Measure)).Append(": ").Append(Sanitize(f.Value));
            if (f.ClaimedBy is not null) sb.Append(" (").Append(Sanitize(f.ClaimedBy)).Append(')');
            sb.Append('\n');
        }
        if (alert.Url is not null) sb.Append("   ").Append(Sanitize(alert.Url)).Append('\n');
        sb.Append("   (stop: /unsubscribe ").Append(alert.SubscriptionId).Append(")\n");
        return sb.ToString();
    }

    /// <summary>Feed text must not drive the terminal: control characters (escape sequences) are dropped.</summary>
    internal static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch == '\n' || ch == '\t') sb.Append(' ');
            else if (!char.IsControl(ch)) sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>A typed line as a command request from the operator at the terminal (a private chat, with moderator rights).</summary>
    public static CommandRequest? ParseCommand(string line)
    {
        var text = line.Trim();
        if (text.Length == 0) return null;
        if (text[0] == '/') text = text[1..];
        var space = text.IndexOfAny([' ', '\t']);
        var name = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        return CommandRequest.FromText(LocalChat, "local", Environment.UserName, name, arguments, isPrivateChat: true, isModerator: true);
    }
}
