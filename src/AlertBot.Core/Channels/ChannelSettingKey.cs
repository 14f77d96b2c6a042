namespace AlertBot.Core.Channels;

/// <summary>One key of <c>/channel set</c>: its name, what values it allows (shown in errors and help) and an example.</summary>
public sealed record ChannelSettingKey(string Name, string Allowed, string Example);
