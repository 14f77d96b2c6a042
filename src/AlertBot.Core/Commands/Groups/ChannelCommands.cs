using System.Text;
using AlertBot.Core.Audit;
using AlertBot.Core.Channels;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Commands.Groups;

/// <summary>
/// The <c>/channel</c> subcommands: <c>settings</c>, <c>set &lt;key&gt; &lt;value&gt;</c>, <c>pause</c>, <c>resume</c>.
/// Every change is stored with an audit entry (who, what, before → after) that <c>/audit</c> lists.
/// </summary>
public sealed class ChannelCommands(
    ChannelSettingsStore settingsStore,
    HeldAlertStore held,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time) : ICommandGroup
{
    public static CommandSpec Channel { get; } = CommandSpec.Group("channel",
        "Moderators: how and when this channel gets alerts (instant or digest, quiet hours, hourly cap, pause)", moderatorOnly: true,
        new("settings", "Show this channel's settings and how many alerts are waiting", true, []) { Examples = ["/channel settings"] },
        new("set", "Change one setting: " + string.Join(", ", ChannelSettingsEditor.Keys.Select(k => k.Name)), true,
        [
            new("key", "The setting: " + string.Join(", ", ChannelSettingsEditor.Keys.Select(k => k.Name)), CommandArgKind.Text, Required: true,
                Choices: ChannelSettingsEditor.Keys.Select(k => k.Name).ToList()),
            new("value", "The new value, e.g. digest, 08:00,18:00, Europe/Berlin, 22:00-07:00, 3, off", CommandArgKind.Text, Required: true,
                Rest: true, SuggestValues: true),
        ])
        {
            Examples = ["/channel set mode digest", "/channel set digest-at 08:00,18:00", "/channel set timezone Europe/Berlin", "/channel set quiet 22:00-07:00",
                "/channel set max-per-hour 3"],
        },
        new("pause", "Hold this channel's alerts (kept, not lost) until /channel resume", true, []) { Examples = ["/channel pause"] },
        new("resume", "Deliver new alerts again; offers the ones that waited as one digest", true,
        [
            new("waiting", "digest: also send the alerts that waited, as one digest", CommandArgKind.Text, Required: false, Choices: [SendWaiting]),
        ])
        {
            Examples = ["/channel resume", "/channel resume digest"],
        });

    /// <summary>The <c>/channel resume</c> argument that sends what waited as one digest.</summary>
    private const string SendWaiting = "digest";

    private static readonly ReplyAction s_sendWaiting = new("Send them as one digest", "/channel resume " + SendWaiting);

    /// <summary>The subcommands as typed, for replies that explain them.</summary>
    public static string Usage { get; } = CommandPath.Resolve(Channel, "").UsageList();

    public IReadOnlyList<CommandSpec> Commands { get; } = [Channel];

    public Task<CommandReply> HandleAsync(CommandSpec command, CommandRequest request, CancellationToken cancellationToken) =>
        HandleAsync(request, cancellationToken);

    /// <summary>Completions for a value: time zone names once two letters are typed, else the common values.</summary>
    public Task<IReadOnlyList<string>> SuggestAsync(string argument, string partial, CancellationToken cancellationToken) =>
        Task.FromResult(Suggest(argument, partial));

    private async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken ct) => request.Subcommand switch
    {
        "set" => await SetAsync(request, ct),
        "pause" => await PauseAsync(request, ct),
        "resume" => await ResumeAsync(request, ct),
        _ => await ShowAsync(request.Chat, ct),
    };

    private static readonly string[] s_commonValues = ["instant", "digest", "on", "off", "08:00,18:00", "22:00-07:00", "UTC"];

    internal static IReadOnlyList<string> Suggest(string argument, string partial)
    {
        if (argument != "value") return [];
        var common = s_commonValues.Where(v => v.StartsWith(partial, StringComparison.OrdinalIgnoreCase));
        var zones = partial.Trim().Length >= 2 ? ChannelTime.SuggestZones(partial) : [];
        return common.Concat(zones).Distinct(StringComparer.Ordinal).Take(25).ToList();
    }

    private async Task<CommandReply> ShowAsync(ChatTarget chat, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(chat, ct);
        var waiting = await held.CountWaitingAsync(chat, ct);
        var sb = new StringBuilder("Settings of this channel");
        sb.Append(settings.Paused ? " (paused):" : ":");
        foreach (var key in ChannelSettingsEditor.Keys)
            sb.Append('\n').Append(key.Name).Append(": ").Append(ChannelSettingsEditor.Show(settings, key.Name, options.Value.BurstCap));
        sb.Append('\n').Append(Waiting(waiting)).Append(waiting > 0 ? $": /channel resume {SendWaiting} sends them as one digest." : ".");
        sb.Append("\nChange one with /channel set <key> <value>, for example /channel set quiet 22:00-07:00.");
        return new CommandReply(sb.ToString());
    }

    private async Task<CommandReply> SetAsync(CommandRequest request, CancellationToken ct)
    {
        var key = request.Arguments.Text("key");
        var value = request.Arguments.Text("value");
        if (key is null || value is null)
            return CommandReply.Error("Usage: /channel set <key> <value>. Keys: " + string.Join(", ", ChannelSettingsEditor.Keys.Select(k => k.Example)) + ".");
        var before = await settingsStore.GetAsync(request.Chat, ct);
        var (after, error) = ChannelSettingsEditor.Apply(before, key, value);
        if (after is null) return CommandReply.Error(error!);

        var name = ChannelSettingsEditor.Keys.First(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase)).Name;
        var cap = options.Value.BurstCap;
        var shownBefore = ChannelSettingsEditor.Show(before, name, cap);
        var shownAfter = ChannelSettingsEditor.Show(after, name, cap);
        await SaveAsync(request, after, "channel set " + name, shownBefore, shownAfter, ct);
        var reply = $"{name}: {shownBefore} → {shownAfter}.";
        if (name == "digest-at" && after.Mode == DeliveryMode.Instant) reply += " Digests go out at these times once you /channel set mode digest.";
        if (name == "mode" && after.Mode == DeliveryMode.Digest)
            reply += $" Digests go out at {ChannelSettingsEditor.Show(after, "digest-at", cap)} ({after.TimeZone}).";
        return new CommandReply(reply);
    }

    private async Task<CommandReply> PauseAsync(CommandRequest request, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(request.Chat, ct);
        if (settings.Paused) return new CommandReply("This channel is already paused. /channel resume delivers again.");
        await SaveAsync(request, settings with { Paused = true }, "channel pause", "running", "paused", ct);
        return new CommandReply("Paused. Alerts are kept, not lost: /channel resume offers them as one digest.");
    }

    /// <summary>
    /// Resumes delivery of new alerts. What waited is offered, not pushed: a moderator who comes back to a day of
    /// alerts chooses to get them as one digest (<c>/channel resume digest</c>, or the button), and until then they
    /// stay held, counted in <c>/channel settings</c>.
    /// </summary>
    private async Task<CommandReply> ResumeAsync(CommandRequest request, CancellationToken ct)
    {
        var settings = await settingsStore.GetAsync(request.Chat, ct);
        var sendWaiting = string.Equals(request.Arguments.Text("waiting"), SendWaiting, StringComparison.OrdinalIgnoreCase);
        if (request.Arguments.Has("waiting") && !sendWaiting)
            return CommandReply.Error($"/channel resume takes nothing, or {SendWaiting} to send what waited as one digest.");
        var resumed = settings.Paused;
        if (resumed) await SaveAsync(request, settings with { Paused = false }, "channel resume", "paused", "running", ct);
        if (sendWaiting)
        {
            var released = await held.ReleaseAllAsync(request.Chat, time.GetUtcNow(), ct);
            if (released > 0) signal.Notify();
            var sent = released == 0 ? "Nothing was waiting." : $"{Waiting(released)}: they come now as one digest.";
            return new CommandReply(resumed ? "Resumed: new alerts come again. " + sent : sent);
        }

        var lead = resumed ? "Resumed: new alerts come again." : "This channel is not paused.";
        var waiting = await held.CountWaitingAsync(request.Chat, ct);
        if (waiting == 0) return new CommandReply($"{lead} Nothing is waiting.");
        return new CommandReply($"{lead} {Waiting(waiting)}. Send them as one digest: /channel resume {SendWaiting}") { Actions = [s_sendWaiting] };
    }

    private Task SaveAsync(CommandRequest request, ChannelSettings settings, string action, string before, string after, CancellationToken ct) =>
        settingsStore.SaveAsync(request.Chat, request.IsPrivateChat, settings,
            new AuditEntry(request.Chat, request.UserId, request.UserName, action, before, after, time.GetUtcNow()), ct);

    private static string Waiting(int count) => count switch
    {
        0 => "No alerts are waiting",
        1 => "1 alert is waiting",
        _ => $"{count} alerts are waiting",
    };
}
