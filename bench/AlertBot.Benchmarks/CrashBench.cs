using System.Globalization;
using AlertBot.IntegrationTests.Reliability;

namespace AlertBot.Benchmarks;

/// <summary>
/// The crash soak: the crash test's rig (the real bot as a child process, a loopback feed, the fake Discord and the
/// fake Telegram Bot API, a SQLite file), N trials of 300 new items each, every trial killing the bot with SIGKILL at
/// three random points — one mid-check (a random delay after the feed was served), one mid-delivery at a random Discord
/// message, one at a random Telegram message — then a clean run. Counts per item what each platform showed and prints
/// <c>crash trials=N lost=L duplicates=D</c> (lost: over every platform; duplicates: Discord's), with Telegram's and
/// the console's duplicates (neither can deduplicate: at most one per kill) and the number of kills alongside.
/// Options: --trials N (default 5), --items M (default 300), --seed S.
/// </summary>
internal static class CrashBench
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var trials = Option(args, "--trials", 5);
        var items = Option(args, "--items", 300);
        var random = new Random(Option(args, "--seed", 16));
        int lost = 0, duplicates = 0, telegramDuplicates = 0, consoleDuplicates = 0, kills = 0;
        for (var trial = 1; trial <= trials; trial++)
        {
            await using var rig = await CrashRig.StartAsync(leaseSeconds: 2);
            rig.SetItems(1, items);
            KillPoint[] points =
            [
                new(AfterFeedServed: TimeSpan.FromMilliseconds(random.Next(0, 1500))),
                new(AtDiscordMessage: random.Next(1, items / 2)),
                new(AtTelegramMessage: random.Next(1, items / 2)),
            ];
            var killed = await CrashRounds.RunAsync(rig, points);
            if (await rig.RunToEndAsync("once") != 0) throw new InvalidOperationException("the clean run after the kills failed");
            var (l, d) = CrashRig.Tally(rig.DiscordCounts(), 1, items);
            var (tl, td) = CrashRig.Tally(rig.TelegramCounts(), 1, items);
            var (cl, cd) = CrashRig.Tally(rig.ConsoleCounts(), 1, items);
            lost += l + tl + cl;
            duplicates += d;
            telegramDuplicates += td;
            consoleDuplicates += cd;
            kills += killed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial}: kills={killed} discord lost={l} duplicates={d}; telegram lost={tl} duplicates={td}; console lost={cl} duplicates={cd}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash trials={trials} lost={lost} duplicates={duplicates} telegram-duplicates={telegramDuplicates} console-duplicates={consoleDuplicates} kills={kills}"));
        return lost + duplicates == 0 && telegramDuplicates <= kills && consoleDuplicates <= kills ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
