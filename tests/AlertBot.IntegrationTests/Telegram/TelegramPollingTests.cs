using AlertBot.Telegram.Adapter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertBot.IntegrationTests.Telegram;

public sealed class TelegramPollingTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_restart_resumes_from_the_stored_offset_without_repeating_or_losing_a_command()
    {
        var state = new InMemoryStateStore();
        var handler = new RecordingCommandHandler();

        await using (var first = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state))
        {
            _api.AddMessage(42, "private", 42, "/subscribe nk-russia troops");
            await WaitUntilAsync(() => handler.Requests.Count == 1);
            await WaitUntilAsync(async () => await Offset(state) == "2");
        }
        // While the bot is down a second command arrives; the server also still holds nothing older.
        _api.AddMessage(42, "private", 42, "/subscriptions");
        var polledBefore = _api.CallsTo("getUpdates").Count;

        await using (var second = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state))
        {
            await WaitUntilAsync(() => handler.Requests.Count >= 2);
            await _api.WaitForCallAsync("sendMessage", c => c.Body["text"]!.GetValue<string>().StartsWith("subscriptions", StringComparison.Ordinal));
            // The first poll after the restart asks for exactly the stored offset.
            Assert.Equal(2, _api.CallsTo("getUpdates")[polledBefore].Body["offset"]!.GetValue<long>());
            await Task.Delay(300);
        }

        Assert.Equal(["subscribe", "subscriptions"], handler.Requests.Select(r => r.Name));
        Assert.Equal("3", await Offset(state));
    }

    [Fact]
    public async Task A_command_cut_off_by_shutdown_is_not_confirmed_and_runs_again_after_restart()
    {
        var state = new InMemoryStateStore();
        var handler = new RecordingCommandHandler { HangOnArguments = "slow" };

        await using (var first = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state))
        {
            _api.AddMessage(42, "private", 42, "/latest slow");
            await WaitUntilAsync(() => handler.Requests.Count == 1);
        } // stopped while the handler is still busy

        Assert.Null(await Offset(state));
        handler.HangOnArguments = null;
        await using (var second = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state))
        {
            await WaitUntilAsync(async () => await Offset(state) == "2");
        }
        Assert.Equal(["latest", "latest"], handler.Requests.Select(r => r.Name));
    }

    [Fact]
    public async Task Malformed_and_unexpected_updates_are_skipped_safely()
    {
        var state = new InMemoryStateStore();
        var handler = new RecordingCommandHandler();
        _api.AddRawUpdate("""{"message":"not an object"}""");
        _api.AddRawUpdate("""{"message":{"message_id":1,"date":0,"chat":{"id":"abc","type":"private"},"text":"/help"}}""");
        _api.AddRawUpdate("""{"message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":99}]}}""");
        _api.AddRawUpdate("""{"edited_message":{"message_id":1,"date":0,"chat":{"id":5,"type":"private"},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}""");
        _api.AddRawUpdate("""{"poll":{"id":"p","question":"?"}}""");
        _api.AddRawUpdate("""{}""");
        _api.AddRawUpdate("""{"callback_query":{"id":"c","from":{"id":5,"is_bot":false,"first_name":"x"},"chat_instance":"i"}}""");
        _api.AddMessage(5, "private", 5, "/topics");

        await using (var host = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state))
        {
            await WaitUntilAsync(async () => await Offset(state) == "9");
            await Task.Delay(200);
            Assert.Equal("topics", Assert.Single(handler.Requests).Name);
            Assert.Contains(host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("malformed Telegram update 1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_409_conflict_is_logged_as_a_clear_error_and_polling_goes_on()
    {
        var state = new InMemoryStateStore();
        var handler = new RecordingCommandHandler();
        _api.ScriptError("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        _api.AddMessage(42, "private", 42, "/help");

        await using var host = await TelegramTestHost.StartAsync(_api.BaseUrl, handler, state);
        await WaitUntilAsync(() => handler.Requests.Count == 1);

        var error = Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains("another process is polling with this bot token", error.Text, StringComparison.Ordinal);
        Assert.Contains("only one bot instance", error.Text, StringComparison.Ordinal);
    }

    private static async Task<string?> Offset(InMemoryStateStore state) =>
        await state.GetAsync("telegram", TelegramPoller.OffsetKey, CancellationToken.None);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("condition not met within 10 s");
    }
}
