namespace AlertBot.IntegrationTests.Reliability;

/// <summary>Where a round kills the bot: after the feed was served (plus a delay), or at the n-th Discord or Telegram message.</summary>
internal sealed record KillPoint(TimeSpan? AfterFeedServed = null, int? AtDiscordMessage = null, int? AtTelegramMessage = null);

/// <summary>Runs <c>once</c> repeatedly, killing it at each point, waiting for its claims to expire in between.</summary>
internal static class CrashRounds
{
    public static readonly IReadOnlyList<KillPoint> Standard =
    [
        new(AfterFeedServed: TimeSpan.Zero),
        new(AfterFeedServed: TimeSpan.FromMilliseconds(250)),
        new(AtDiscordMessage: 20),
        new(AtTelegramMessage: 30),
        new(AtDiscordMessage: 45),
    ];

    /// <returns>How many rounds ended in a kill (a round can finish before its kill point).</returns>
    public static async Task<int> RunAsync(CrashRig rig, IEnumerable<KillPoint> points)
    {
        var kills = 0;
        foreach (var point in points)
        {
            BotProcess? process = null;
            var killed = 0;
            void Kill()
            {
                Interlocked.Exchange(ref killed, 1);
                process?.Kill();
            }

            var posted = 0;
            var sentToTelegram = 0;
            rig.OnFeedServed = point.AfterFeedServed is { } delay
                ? () => { if (delay == TimeSpan.Zero) Kill(); else _ = Task.Delay(delay).ContinueWith(_ => Kill(), TaskScheduler.Default); }
                : null;
            rig.Discord.OnMessagePost = point.AtDiscordMessage is { } nth
                ? _ => { if (Interlocked.Increment(ref posted) == nth) Kill(); }
                : null;
            rig.Telegram.OnCall = point.AtTelegramMessage is { } mth
                ? call => { if (call.Method == "sendMessage" && Interlocked.Increment(ref sentToTelegram) == mth) Kill(); }
                : null;
            using (process = rig.Start("once"))
            {
                await process.WaitAsync(TimeSpan.FromMinutes(3));
                rig.Collect(process);
            }
            rig.OnFeedServed = null;
            rig.Discord.OnMessagePost = null;
            rig.Telegram.OnCall = null;
            kills += killed;
            // A killed process's claims (source check, outbox rows) are taken over once their lease runs out.
            if (killed == 1) await Task.Delay(rig.LeaseExpiry);
        }
        return kills;
    }
}
