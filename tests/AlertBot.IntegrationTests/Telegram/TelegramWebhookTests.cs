using System.Net;
using System.Text;
using AlertBot.Telegram.Adapter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertBot.IntegrationTests.Telegram;

public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "hook-secret_123";
    private readonly RecordingCommandHandler _handler = new();
    private readonly InMemoryStateStore _state = new();
    private FakeBotApi _api = null!;
    private TelegramTestHost _host = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync(TelegramTestHost.Token);
        _host = await TelegramTestHost.StartAsync(_api.BaseUrl, _handler, _state, extraConfiguration: new Dictionary<string, string?>
        {
            ["Telegram:Webhook:Url"] = "https://bot.example/tg/hook",
            ["Telegram:Webhook:SecretToken"] = Secret,
            ["Telegram:Webhook:ListenUrl"] = "http://127.0.0.1:0",
        });
        var service = _host.Host.Services.GetServices<IHostedService>().OfType<TelegramWebhookService>().Single();
        _endpoint = new Uri(new Uri(service.ListeningUrls[0]), "/tg/hook");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_is_registered_with_the_secret_and_no_poller_runs()
    {
        var set = await _api.WaitForCallAsync("setWebhook");
        Assert.Equal("https://bot.example/tg/hook", set.Body["url"]!.GetValue<string>());
        Assert.Equal(Secret, set.Body["secret_token"]!.GetValue<string>());
        Assert.Equal(1, set.Body["max_connections"]!.GetValue<int>());
        Assert.Empty(_api.CallsTo("getUpdates"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("hook-secret_12")]
    public async Task A_request_without_the_right_secret_is_refused(string? secret)
    {
        var response = await PostAsync(Update(1, "/help"), secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response);
        await Task.Delay(200);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task An_update_is_handled_once_even_when_telegram_redelivers_it()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update(7, "/subscribe nk-russia troops"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Update(7, "/subscribe nk-russia troops"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("not json", Secret));

        var reply = await _api.WaitForCallAsync("sendMessage");
        Assert.StartsWith("subscribe &lt;nk-russia troops&gt;", reply.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("subscribe", Assert.Single(_handler.Requests).Name);
        Assert.Equal("7", await _state.GetAsync("telegram", TelegramWebhookService.LastUpdateKey, CancellationToken.None));
    }

    private static string Update(long id, string text) =>
        $$"""{"update_id":{{id}},"message":{"message_id":1,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"text":"{{text}}","entities":[{"type":"bot_command","offset":0,"length":{{text.Split(' ')[0].Length}}}]}""" + "}";

    private async Task<HttpStatusCode> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add(TelegramWebhookService.SecretHeader, secret);
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
