using System.Text.Json;
using System.Text.Json.Nodes;
using AlertBot.Telegram.Client;
using AlertBot.Telegram.Client.Requests;
using AlertBot.Telegram.Client.Types;

namespace AlertBot.Tests.Telegram;

public class RequestSerializationTests
{
    private static JsonObject Body<T>(TelegramRequest<T> request) =>
        JsonNode.Parse(JsonSerializer.Serialize(request, request.GetType(), TelegramJson.Options))!.AsObject();

    [Fact]
    public void GetUpdates_sends_only_bot_api_fields_in_snake_case()
    {
        var body = Body(new GetUpdatesRequest(7, 100, 30, ["message"]));
        Assert.Equal(new[] { "allowed_updates", "limit", "offset", "timeout" }, body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(30, body["timeout"]!.GetValue<int>());
    }

    [Fact]
    public void SendMessage_leaves_out_nulls_and_nests_markup()
    {
        var body = Body(new SendMessageRequest(-100, "hi")
        {
            ParseMode = "HTML",
            ReplyMarkup = new InlineKeyboardMarkup([[new InlineKeyboardButton("Unsubscribe", CallbackData: "unsub:1")]]),
        });
        Assert.Equal(new[] { "chat_id", "parse_mode", "reply_markup", "text" }, body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("unsub:1", body["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Null(body["reply_markup"]!["inline_keyboard"]![0]![0]!["url"]);
    }

    [Fact]
    public void Updates_with_unknown_fields_and_kinds_deserialize()
    {
        var update = JsonSerializer.Deserialize<Update>("""{"update_id":5,"message":{"message_id":1,"date":2,"chat":{"id":-100,"type":"supergroup","is_forum":true},"text":"/x","new_field":{"a":1}}}""", TelegramJson.Options)!;
        Assert.Equal(5, update.UpdateId);
        Assert.Equal(-100, update.Message!.Chat.Id);
    }
}
