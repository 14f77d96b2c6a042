using AlertBot.Core;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Delivery;
using AlertBot.Core.Storage;
using AlertBot.Hosting;
using AlertBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Telegram;

/// <summary><c>alertbot once</c> with a Telegram token delivers the alerts that are due in Telegram chats too.</summary>
public sealed class TelegramOnceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteFeed(params (string Guid, string Title)[] items) =>
        File.WriteAllText(_dir.File("feed.xml"), "<rss version=\"2.0\"><channel><title>F</title>" +
            string.Concat(items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><description>North Korean troops moved.</description></item>")) +
            "</channel></rss>");

    private IHost Build(Uri api) => AppHost.Build(new CliArguments(Verb.Once, null, _dir.File("alertbot.db"), false),
        new ConsoleIO(TextReader.Null, TextWriter.Null),
        new Dictionary<string, string?>
        {
            ["Topics:File"] = _dir.File("topics.json"),
            ["Telegram:Token"] = TelegramTestHost.Token,
            ["Telegram:BaseUrl"] = api.ToString(),
        });

    [Fact]
    public async Task Once_delivers_due_alerts_to_a_telegram_chat()
    {
        await using var api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        WriteFeed(("a", "Old story"));
        File.WriteAllText(_dir.File("topics.json"),
            $$"""{"topics":[{"id":"t","name":"T","checkIntervalSeconds":600,"sources":[{"url":"{{new Uri(_dir.File("feed.xml")).AbsoluteUri}}"}]}]}""");

        using (var first = Build(api.BaseUrl))
        {
            await first.StartValidationAsync();
            await Verbs.OnceAsync(first, default);
            await first.Services.GetRequiredService<SubscriptionStore>().AddAsync(new ChatTarget("telegram", "42"), true, "42", "t", "troops");
        }

        WriteFeed(("b", "New story about the front"), ("a", "Old story"));
        using var second = Build(api.BaseUrl);
        await second.StartValidationAsync();
        Assert.Equal(0, await Verbs.OnceAsync(second, default));

        var sent = await api.WaitForCallAsync("sendMessage", c => c.Body["chat_id"]!.GetValue<long>() == 42, TimeSpan.FromSeconds(10));
        Assert.Contains("New story about the front", sent.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, (await second.Services.GetRequiredService<OutboxStore>().CountByStatusAsync())[OutboxStatus.Sent]);
    }
}
