using System.Text.Json.Nodes;
using AlertBot.Core;
using AlertBot.Core.Delivery;

namespace AlertBot.IntegrationTests.Telegram;

public sealed class TelegramDeliveryTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        // The poller is not needed to send; leaving it stopped keeps the recorded calls to sends only.
        _host = await TelegramTestHost.StartAsync(_api.BaseUrl, new RecordingCommandHandler(), new InMemoryStateStore(), start: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static AlertMessage Alert(string chatId = "-100500") => new()
    {
        OutboxId = 1,
        Target = new ChatTarget("telegram", chatId),
        SubscriptionId = 5,
        TopicId = "nk-russia",
        TopicName = "North Korea <-> Russia",
        Title = "Seoul says 11,000 troops & more <deployed>",
        Url = "https://example.com/story?id=1&src=rss",
        Summary = "Officials told @reporter that the troops arrived.",
        Figures = [new AlertFigure("troops deployed", "11,000", "South Korea's JCS")],
        Outlet = "koreaherald.com",
    };

    [Fact]
    public async Task An_alert_is_posted_as_escaped_html_with_an_unsubscribe_button_and_no_preview()
    {
        var result = await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var sent = Assert.Single(_api.CallsTo("sendMessage")).Body;
        var text = sent["text"]!.GetValue<string>();
        Assert.Equal("HTML", sent["parse_mode"]!.GetValue<string>(), ignoreCase: true); // Telegram reads parse_mode case-insensitively
        Assert.Contains("<b>Seoul says 11,000 troops &amp; more &lt;deployed&gt;</b>", text, StringComparison.Ordinal);
        Assert.Contains("North Korea &lt;-&gt; Russia", text, StringComparison.Ordinal);
        Assert.Contains("told @\u2060reporter", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/story?id=1&amp;src=rss\">", text, StringComparison.Ordinal);
        Assert.True(sent["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        Assert.Equal("unsub:5", sent["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_same_message_resent()
    {
        _api.ScriptError("sendMessage", 429, "Too Many Requests: retry after 1", new JsonObject { ["retry_after"] = 1 });

        var result = await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var calls = _api.CallsTo("sendMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.95), $"resent after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.Equal(calls[0].Body.ToJsonString(), calls[1].Body.ToJsonString());
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(403, "Forbidden: bot was kicked from the supergroup chat")]
    [InlineData(400, "Bad Request: chat not found")]
    public async Task A_gone_chat_is_reported_as_target_gone(int code, string description)
    {
        _api.ScriptError("sendMessage", code, description);
        var result = await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None);
        Assert.Equal(new DeliveryResult.TargetGone(description), result);
        Assert.Single(_api.CallsTo("sendMessage")); // never retried
    }

    [Fact]
    public async Task A_migrated_group_is_reported_with_its_new_id()
    {
        _api.ScriptError("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = -1009876543210 });
        var result = await _host.Platform.SendAlertAsync(Alert("-4567"), CancellationToken.None);
        Assert.Equal(new DeliveryResult.TargetMoved("-1009876543210"), result);
    }

    [Fact]
    public async Task An_alert_telegram_cannot_parse_is_resent_as_plain_text_rather_than_lost()
    {
        _api.ScriptError("sendMessage", 400, "Bad Request: can't parse entities: unsupported start tag \"x\" at byte offset 3");

        var result = await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var retry = _api.CallsTo("sendMessage")[1].Body;
        Assert.Null(retry["parse_mode"]);
        Assert.Contains("Seoul says 11,000 troops & more <deployed>", retry["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(retry["reply_markup"]);
    }

    [Fact]
    public async Task Server_errors_and_garbage_answers_are_retried_later()
    {
        _api.ScriptError("sendMessage", 502, "Bad Gateway");
        _api.Script("sendMessage", 502, "<html>bad gateway</html>");
        Assert.IsType<DeliveryResult.RetryLater>(await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None));
        Assert.IsType<DeliveryResult.RetryLater>(await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None));
    }

    [Fact]
    public async Task A_long_notice_is_split_into_several_messages_on_line_boundaries()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"line {i} <with> markup-like & text").ToList();
        var result = await _host.Platform.SendNoticeAsync(new ChatTarget("telegram", "42"), string.Join('\n', lines), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var texts = _api.CallsTo("sendMessage").Select(c => System.Net.WebUtility.HtmlDecode(c.Body["text"]!.GetValue<string>())).ToList();
        Assert.True(texts.Count > 1);
        Assert.All(texts, t => Assert.True(t.Length <= 4096));
        Assert.Equal(lines, texts.SelectMany(t => t.Split('\n')).ToList());
    }

    [Fact]
    public async Task The_token_never_reaches_logs_or_results_even_when_the_server_echoes_it()
    {
        // Trace logging is on in the test host; an error description quoting the token must come back masked.
        _api.ScriptError("sendMessage", 403, $"Forbidden: bot{TelegramTestHost.Token} was blocked by the user");
        var result = await _host.Platform.SendAlertAsync(Alert(), CancellationToken.None);

        var gone = Assert.IsType<DeliveryResult.TargetGone>(result);
        Assert.DoesNotContain(TelegramTestHost.Token, gone.Reason, StringComparison.Ordinal);
        Assert.Contains("bot<token> was blocked", gone.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(_host.Logs.Lines);
        _host.AssertTokenNeverLogged();
    }

    [Fact]
    public async Task An_unreachable_server_gives_retry_later_without_the_token_in_the_error()
    {
        var closedPort = new Uri("http://127.0.0.1:9/");
        await using var offline = await TelegramTestHost.StartAsync(closedPort, new RecordingCommandHandler(), new InMemoryStateStore(), start: false);

        var result = await offline.Platform.SendNoticeAsync(new ChatTarget("telegram", "42"), "hello", CancellationToken.None);

        var retry = Assert.IsType<DeliveryResult.RetryLater>(result);
        Assert.DoesNotContain("secret", retry.Error, StringComparison.Ordinal);
        offline.AssertTokenNeverLogged();
        Assert.NotEmpty(offline.Logs.Lines); // the failure was logged, masked
    }
}
