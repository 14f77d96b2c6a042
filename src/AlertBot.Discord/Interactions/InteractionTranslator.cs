using System.Globalization;
using System.Text.Json;
using AlertBot.Core;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;

namespace AlertBot.Discord.Interactions;

/// <summary>
/// Turns an INTERACTION_CREATE payload into the platform-neutral <see cref="CommandRequest"/>. Pure: no I/O.
/// A DM's chat is "@&lt;user id&gt;" so alerts to it open the DM channel through POST /users/@me/channels.
/// </summary>
internal static class InteractionTranslator
{
    public const string Platform = "discord";

    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int AttachmentOption = 11;

    public static CommandRequest ToRequest(JsonElement interaction)
    {
        var data = interaction.GetProperty("data");
        var name = data.GetProperty("name").GetString()!.ToLowerInvariant();
        return Request(interaction, name, Arguments(data)) with { Attachment = Attachment(data) };
    }

    /// <summary>
    /// The file of an ATTACHMENT option: its value is the attachment's id, and the attachment itself (CDN URL, name,
    /// size) is in data.resolved.attachments[id]. Null when there is none or it is not an http(s) URL.
    /// </summary>
    private static CommandAttachment? Attachment(JsonElement data)
    {
        var (_, options) = Leaf(data);
        foreach (var option in options.Where(IsAttachment))
        {
            var id = ValueText(option);
            if (!data.TryGetProperty("resolved", out var resolved) || !resolved.TryGetProperty("attachments", out var attachments)
                || !attachments.TryGetProperty(id, out var file) || file.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var url = file.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var name = file.TryGetProperty("filename", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : "file";
            long? size = file.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var bytes) ? bytes : null;
            return new CommandAttachment(name, size, uri);
        }

        return null;
    }

    private static bool IsAttachment(JsonElement option) =>
        option.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == AttachmentOption;

    /// <summary>
    /// A press on a reply's button (MESSAGE_COMPONENT): the command line its custom_id carries, as the presser typed
    /// it, or null when the custom_id is not one of ours.
    /// </summary>
    public static CommandRequest? FromButton(JsonElement interaction)
    {
        var customId = interaction.GetProperty("data").TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (ReplyButtons.Parse(customId) is not { } action) return null;
        var (name, arguments) = action.Split();
        return Request(interaction, name, CommandArguments.Parse(CommandCatalog.Find(name), arguments));
    }

    private static CommandRequest Request(JsonElement interaction, string name, CommandArguments arguments)
    {
        var hasMember = interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        // In a guild the invoker is member.user; in a DM it is the top-level user.
        var user = hasMember ? member.GetProperty("user") : interaction.GetProperty("user");
        var userId = user.GetProperty("id").GetString()!;
        var userName = user.TryGetProperty("global_name", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()
            : user.TryGetProperty("username", out var u) ? u.GetString() : null;
        var isPrivate = !interaction.TryGetProperty("guild_id", out var guild) || guild.ValueKind != JsonValueKind.String;
        var chat = isPrivate
            ? new ChatTarget(Platform, "@" + userId)
            : new ChatTarget(Platform, interaction.GetProperty("channel_id").GetString()!);
        var isModerator = !isPrivate && hasMember &&
            DiscordPermissions.IsModerator(member.TryGetProperty("permissions", out var p) ? p.GetString() : null);
        return new CommandRequest(chat, userId, userName, name, arguments, isPrivate, isModerator)
        {
            MissingAlertPermissions = MissingAlertPermissions(interaction),
            Community = isPrivate ? null : guild.GetString(),
        };
    }

    /// <summary>
    /// What the bot lacks to post alerts in the channel the interaction came from (from <c>app_permissions</c>),
    /// or null when nothing is missing, it is a DM, or Discord did not say.
    /// </summary>
    public static string? MissingAlertPermissions(JsonElement interaction)
    {
        if (!interaction.TryGetProperty("guild_id", out var guild) || guild.ValueKind != JsonValueKind.String) return null;
        if (!interaction.TryGetProperty("app_permissions", out var app) || app.ValueKind != JsonValueKind.String) return null;
        var granted = DiscordPermissions.Parse(app.GetString());
        var missing = new List<string>();
        if (!DiscordPermissions.Has(granted, DiscordPermissions.ViewChannel)) missing.Add("View Channel");
        if (!DiscordPermissions.Has(granted, DiscordPermissions.SendMessages)) missing.Add("Send Messages");
        if (!DiscordPermissions.Has(granted, DiscordPermissions.EmbedLinks)) missing.Add("Embed Links");
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    /// <summary>
    /// For autocomplete: the command with its subcommand words ("channel set"), the focused option's name and the
    /// text typed so far.
    /// </summary>
    public static (string Command, string Argument, string Partial)? Focused(JsonElement interaction)
    {
        var data = interaction.GetProperty("data");
        var (subcommand, options) = Leaf(data);
        var command = data.GetProperty("name").GetString()!.ToLowerInvariant() + (subcommand.Length == 0 ? "" : " " + subcommand);
        foreach (var option in options)
        {
            if (option.TryGetProperty("focused", out var focused) && focused.ValueKind == JsonValueKind.True)
            {
                return (command, option.GetProperty("name").GetString()!, ValueText(option));
            }
        }

        return null;
    }

    /// <summary>
    /// The subcommand and each option by its name, typed as Discord sent it: integers stay integers, text stays one
    /// value however many words it has.
    /// </summary>
    private static CommandArguments Arguments(JsonElement data)
    {
        var (subcommand, options) = Leaf(data);
        // An attachment's value is only its id: the file itself travels as the request's Attachment.
        return CommandArguments.Of(options.Where(o => !IsAttachment(o)).Select(o => new KeyValuePair<string, object>(o.GetProperty("name").GetString()!, Value(o))))
            .Under(subcommand);
    }

    /// <summary>
    /// Follows SUB_COMMAND_GROUP and SUB_COMMAND options down to the options of what runs: for /topic source add,
    /// data.options is [{type 2, "source", options: [{type 1, "add", options: [...]}]}].
    /// </summary>
    private static (string Subcommand, List<JsonElement> Options) Leaf(JsonElement data)
    {
        var path = new List<string>();
        var options = Options(data);
        while (options is [var only] && only.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number
            && type.GetInt32() is SubCommand or SubCommandGroup)
        {
            path.Add(only.GetProperty("name").GetString()!.ToLowerInvariant());
            options = Options(only);
        }

        return (string.Join(' ', path), options);
    }

    private static object Value(JsonElement option) =>
        option.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer)
            ? integer
            : ValueText(option);

    private static List<JsonElement> Options(JsonElement data) =>
        data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? [.. options.EnumerateArray()]
            : [];

    private static string ValueText(JsonElement option)
    {
        if (!option.TryGetProperty("value", out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number => value.TryGetInt64(out var i) ? i.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }
}
