namespace AlertBot.Discord.Gateway;

/// <summary>What a resume needs: kept from READY and updated from every dispatch's sequence number.</summary>
internal sealed class GatewaySession
{
    private readonly Lock _lock = new();
    private long? _sequence;

    public string? SessionId { get; private set; }
    public string? ResumeGatewayUrl { get; private set; }
    public string? ApplicationId { get; private set; }
    public string? BotUserId { get; private set; }

    /// <summary>Last non-null <c>s</c> received, or null before the first dispatch (heartbeats then send null).</summary>
    public long? Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    public bool CanResume => SessionId is not null && ResumeGatewayUrl is not null && Sequence is not null;

    public void Observe(long? sequence)
    {
        if (sequence is null)
        {
            return;
        }

        lock (_lock)
        {
            _sequence = sequence;
        }
    }

    public void Ready(string sessionId, string resumeGatewayUrl, string? applicationId, string? botUserId)
    {
        SessionId = sessionId;
        ResumeGatewayUrl = resumeGatewayUrl;
        ApplicationId = applicationId ?? ApplicationId;
        BotUserId = botUserId ?? BotUserId;
    }

    /// <summary>The session can't be resumed: the next connection identifies from scratch.</summary>
    public void Clear()
    {
        SessionId = null;
        ResumeGatewayUrl = null;
        lock (_lock)
        {
            _sequence = null;
        }
    }
}
