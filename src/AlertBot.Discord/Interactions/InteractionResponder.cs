using System.Text.Json;
using System.Text.Json.Nodes;
using AlertBot.Core.Commands;
using AlertBot.Discord.Alerts;
using AlertBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AlertBot.Discord.Interactions;

/// <summary>
/// Answers INTERACTION_CREATE within Discord's 3 s: a reply (callback type 4) when the handler is quick, otherwise
/// a deferral (type 5) first and the reply later through PATCH @original. Duplicate deliveries are ignored.
/// </summary>
internal sealed class InteractionResponder(
    DiscordRestClient rest,
    ICommandHandler handler,
    DiscordOptions options,
    TimeProvider time,
    ILogger<InteractionResponder> logger)
{
    private const int ApplicationCommand = 2;
    private const int Autocomplete = 4;
    private const int MessageComponent = 3;
    private const int ReplyNow = 4;
    private const int Defer = 5;
    private const int AutocompleteResult = 8;

    private readonly RecentIds _seen = new(4096);

    public async Task HandleAsync(JsonElement interaction, CancellationToken ct)
    {
        var id = interaction.GetProperty("id").GetString()!;
        if (!_seen.Add(id))
        {
            logger.LogDebug("Ignoring duplicate interaction {InteractionId}", id);
            return;
        }

        var type = interaction.GetProperty("type").GetInt32();
        if (type == ApplicationCommand)
        {
            await HandleCommandAsync(interaction, id, InteractionTranslator.ToRequest, ct);
        }
        else if (type == MessageComponent)
        {
            await HandleCommandAsync(interaction, id, InteractionTranslator.FromButton, ct);
        }
        else if (type == Autocomplete)
        {
            await HandleAutocompleteAsync(interaction, id, ct);
        }
    }

    /// <summary>A slash command, or a press on a reply's button: both run a command and answer with its reply.</summary>
    private async Task HandleCommandAsync(JsonElement interaction, string id, Func<JsonElement, CommandRequest?> translate, CancellationToken ct)
    {
        var token = interaction.GetProperty("token").GetString()!;
        var applicationId = interaction.GetProperty("application_id").GetString()!;
        var callback = $"/interactions/{id}/{token}/callback";
        CommandRequest? request;
        try
        {
            request = translate(interaction);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Malformed interaction {InteractionId}", id);
            request = null;
        }

        if (request is null)
        {
            await rest.SendAsync(HttpMethod.Post, callback, Callback(ReplyNow, CommandReply.Error("Sorry, I could not read that command."), ephemeral: true), ct);
            return;
        }

        var moderatorCommand = CommandCatalog.Find(request.Name) is { } spec && CommandPath.Resolve(spec, request.Subcommand).ModeratorOnly;
        var work = RunHandlerAsync(request, ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var finished = await Task.WhenAny(work, Task.Delay(options.InteractionReplyWithin, time, deadline.Token));
        await deadline.CancelAsync();
        if (finished == work)
        {
            var reply = await work;
            var ephemeral = reply.IsError || moderatorCommand;
            var chunks = MessagePayloads.Chunks(reply.Text);
            var first = Callback(ReplyNow, chunks[0], ephemeral);
            var files = chunks.Count == 1 ? Finish(first["data"]!.AsObject(), reply) : [];
            var response = await rest.SendAsync(HttpMethod.Post, callback, first, files, ct);
            LogIfFailed(response, id);
            await FollowUpsAsync(applicationId, token, chunks.Skip(1), ephemeral, reply, ct);
            return;
        }

        // Too slow for an immediate reply: acknowledge now ("thinking…"), edit the original when done. Only the
        // ephemeral flag can be set on a deferral and it decides the final message, so it is chosen up front.
        var deferResponse = await rest.SendAsync(HttpMethod.Post, callback,
            new JsonObject { ["type"] = Defer, ["data"] = new JsonObject { ["flags"] = moderatorCommand ? MessagePayloads.EphemeralFlag : 0 } }, ct);
        LogIfFailed(deferResponse, id);
        var late = await work;
        var lateChunks = MessagePayloads.Chunks(late.Text);
        var edit = MessagePayloads.Text(lateChunks[0]);
        var editFiles = lateChunks.Count == 1 ? Finish(edit, late) : [];
        LogIfFailed(await rest.SendAsync(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", edit, editFiles, ct), id);
        await FollowUpsAsync(applicationId, token, lateChunks.Skip(1), moderatorCommand, late, ct);
    }

    /// <summary>The rest of a long reply; its buttons and file go with the last part.</summary>
    private async Task FollowUpsAsync(string applicationId, string token, IEnumerable<string> chunks, bool ephemeral, CommandReply reply, CancellationToken ct)
    {
        var parts = chunks.ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            var body = MessagePayloads.Text(parts[i], ephemeral);
            var files = i == parts.Count - 1 ? Finish(body, reply) : [];
            await rest.SendAsync(HttpMethod.Post, $"/webhooks/{applicationId}/{token}", body, files, ct);
        }
    }

    /// <summary>
    /// Puts the reply's buttons and file on the message that ends it; the file is uploaded as files[0], named in the
    /// message's attachments.
    /// </summary>
    private static IReadOnlyList<DiscordFile> Finish(JsonObject message, CommandReply reply)
    {
        if (ReplyButtons.For(reply.Actions) is { } components) message["components"] = components;
        if (reply.File is not { } file) return [];
        message["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.Name });
        return [new DiscordFile(file.Name, file.Bytes(), file.ContentType)];
    }

    private async Task<CommandReply> RunHandlerAsync(CommandRequest request, CancellationToken ct)
    {
        try
        {
            return await handler.HandleAsync(request, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command /{Command} failed in {Chat}", request.Name, request.Chat);
            return CommandReply.Error("Something went wrong while handling that command. Please try again later.");
        }
    }

    private async Task HandleAutocompleteAsync(JsonElement interaction, string id, CancellationToken ct)
    {
        var token = interaction.GetProperty("token").GetString()!;
        var choices = new JsonArray();
        if (InteractionTranslator.Focused(interaction) is var (command, argument, partial))
        {
            try
            {
                // Autocomplete can't be deferred: give the handler what is left of the window, then answer anyway.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.InteractionReplyWithin);
                var suggestions = await handler.SuggestAsync(command, argument, partial, timeout.Token);
                foreach (var suggestion in suggestions.Where(s => s.Length is > 0 and <= 100).Take(25))
                {
                    choices.Add(new JsonObject { ["name"] = suggestion, ["value"] = suggestion });
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Autocomplete for /{Command} {Argument} failed", command, argument);
            }
        }

        var body = new JsonObject { ["type"] = AutocompleteResult, ["data"] = new JsonObject { ["choices"] = choices } };
        LogIfFailed(await rest.SendAsync(HttpMethod.Post, $"/interactions/{id}/{token}/callback", body, ct), id);
    }

    private static JsonObject Callback(int type, CommandReply reply, bool ephemeral) =>
        Callback(type, MessagePayloads.Chunks(reply.Text)[0], ephemeral);

    private static JsonObject Callback(int type, string content, bool ephemeral) =>
        new() { ["type"] = type, ["data"] = MessagePayloads.Text(content, ephemeral) };

    private void LogIfFailed(DiscordResponse response, string id)
    {
        if (!response.IsSuccess)
        {
            // 10062 means the 3 s window was missed; 40060 a double acknowledgement (a bug).
            logger.LogWarning("Answering interaction {InteractionId} failed: {Error}", id, response.Describe());
        }
    }
}
