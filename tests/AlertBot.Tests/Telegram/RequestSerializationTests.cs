using System.Text.Json;
using System.Text.Json.Nodes;
using AlertBot.Telegram.Adapter;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Formatting;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AlertBot.Tests.Telegram;

public class RequestSerializationTests
{
    private static JsonObject Body(object request) =>
        JsonNode.Parse(JsonSerializer.Serialize(request, request.GetType(), JsonBotAPI.Options))!.AsObject();

    [Fact]
    public void Raw_getUpdates_sends_only_bot_api_fields_in_snake_case()
    {
        var body = Body(new GetRawUpdatesRequest { Offset = 7, Limit = 100, Timeout = 30, AllowedUpdates = TelegramUpdateHandler.AllowedUpdates });
        Assert.Equal(new[] { "allowed_updates", "limit", "offset", "timeout" }, body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(30, body["timeout"]!.GetValue<int>());
        Assert.Equal(["message", "channel_post", "callback_query", "my_chat_member"], body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void An_alert_goes_out_as_html_with_its_unsubscribe_button_and_no_empty_fields()
    {
        var keyboard = AlertRenderer.UnsubscribeKeyboard(1);
        var body = Body(new SendMessageRequest { ChatId = -100, Text = "hi", ParseMode = ParseMode.Html, ReplyMarkup = keyboard });
        Assert.Equal(new[] { "chat_id", "parse_mode", "reply_markup", "text" }, body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("HTML", body["parse_mode"]!.GetValue<string>(), ignoreCase: true); // Telegram reads parse_mode case-insensitively
        Assert.Equal("unsub:1", body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Null(body["reply_markup"]!["inline_keyboard"]![0]![0]!["url"]);
    }

    [Fact]
    public void Updates_with_unknown_fields_and_kinds_deserialize()
    {
        var update = JsonSerializer.Deserialize<Update>("""{"update_id":5,"message":{"message_id":1,"date":2,"chat":{"id":-100,"type":"supergroup","is_forum":true},"text":"/x","new_field":{"a":1}}}""", JsonBotAPI.Options)!;
        Assert.Equal(5, update.Id);
        Assert.Equal(-100, update.Message!.Chat.Id);
    }
}
