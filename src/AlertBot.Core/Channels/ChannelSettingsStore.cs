using AlertBot.Core.Audit;
using AlertBot.Core.Storage;
using Dapper;

namespace AlertBot.Core.Channels;

/// <summary>Each channel's delivery settings; a channel without a row has <see cref="ChannelSettings.Default"/>.</summary>
public sealed class ChannelSettingsStore(Database db)
{
    public async Task<ChannelSettings> GetAsync(ChatTarget chat, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<SettingsRow>(
            """
            SELECT mode, digest_at, time_zone, quiet, max_per_hour, summary_length, figures, previews, paused, updates
            FROM channel_settings WHERE platform = @Platform AND chat_id = @ChatId
            """, chat);
        return row?.ToSettings() ?? ChannelSettings.Default;
    }

    /// <summary>Stores a channel's settings and, in the same transaction, the audit entry that says who changed what.</summary>
    public async Task SaveAsync(ChatTarget chat, bool isPrivate, ChannelSettings settings, AuditEntry audit, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = audit.At;
        // Settings may be chosen before the first subscription: the chat row is what they hang from.
        await c.ExecuteAsync(
            """
            INSERT INTO chats (platform, chat_id, is_private, created_at) VALUES (@Platform, @ChatId, @isPrivate, @now)
            ON CONFLICT (platform, chat_id) DO NOTHING
            """, new { chat.Platform, chat.ChatId, isPrivate, now }, tx);
        await c.ExecuteAsync(
            """
            INSERT INTO channel_settings (platform, chat_id, mode, digest_at, time_zone, quiet, max_per_hour, summary_length, figures, previews, paused, updates, updated_at)
            VALUES (@Platform, @ChatId, @mode, @digestAt, @TimeZone, @quiet, @MaxPerHour, @SummaryLength, @Figures, @Previews, @Paused, @Updates, @now)
            ON CONFLICT (platform, chat_id) DO UPDATE SET
                mode = excluded.mode, digest_at = excluded.digest_at, time_zone = excluded.time_zone, quiet = excluded.quiet,
                max_per_hour = excluded.max_per_hour, summary_length = excluded.summary_length, figures = excluded.figures,
                previews = excluded.previews, paused = excluded.paused, updates = excluded.updates, updated_at = excluded.updated_at
            """,
            new
            {
                chat.Platform, chat.ChatId,
                mode = settings.Mode == DeliveryMode.Digest ? "digest" : "instant",
                digestAt = string.Join(",", settings.DigestTimes.Select(ChannelTime.Format)),
                settings.TimeZone,
                quiet = settings.Quiet?.ToString(),
                settings.MaxPerHour, settings.SummaryLength, settings.Figures, settings.Previews, settings.Paused, settings.Updates, now,
            }, tx);
        await AuditStore.InsertAsync(c, tx, audit);
        await tx.CommitAsync(ct);
    }

    private sealed record SettingsRow
    {
        public string Mode { get; init; } = "instant";
        public string DigestAt { get; init; } = "";
        public string TimeZone { get; init; } = "UTC";
        public string? Quiet { get; init; }
        public long? MaxPerHour { get; init; }
        public long SummaryLength { get; init; }
        public bool Figures { get; init; }
        public bool Previews { get; init; }
        public bool Paused { get; init; }
        public bool Updates { get; init; } = true;

        public ChannelSettings ToSettings()
        {
            var times = DigestAt.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(ChannelTime.ParseTime).OfType<NodaTime.LocalTime>().Order().ToList();
            return new ChannelSettings
            {
                Mode = Mode == "digest" ? DeliveryMode.Digest : DeliveryMode.Instant,
                DigestTimes = times.Count > 0 ? times : ChannelSettings.Default.DigestTimes,
                // A zone id the bundled tzdb no longer knows falls back to UTC rather than stopping delivery.
                TimeZone = ChannelTime.Zone(TimeZone) is null ? "UTC" : TimeZone,
                Quiet = Quiet is null ? null : ChannelSettingsEditor.ParseQuiet(Quiet),
                MaxPerHour = MaxPerHour is { } m ? (int)m : null,
                SummaryLength = (int)Math.Clamp(SummaryLength, ChannelSettings.MinSummaryLength, ChannelSettings.MaxSummaryLength),
                Figures = Figures,
                Previews = Previews,
                Paused = Paused,
                Updates = Updates,
            };
        }
    }
}
