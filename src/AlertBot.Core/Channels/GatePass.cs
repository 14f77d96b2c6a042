namespace AlertBot.Core.Channels;

/// <summary>
/// What the gate needs for one delivery pass over a chat's claimed rows besides each row and the channel's settings,
/// read once for the pass (<see cref="ChannelGate.BeginAsync"/>).
/// </summary>
/// <param name="DefaultMaxPerHour">The hourly cap of a channel that set none (<c>Delivery:BurstCap</c>).</param>
/// <param name="Lease">How long a claim on the rows a digest gathers lasts.</param>
/// <param name="DigestSubscriptions">The rows' subscriptions that asked for digests whatever their channel's mode.</param>
public sealed record GatePass(int DefaultMaxPerHour, TimeSpan Lease, IReadOnlySet<long> DigestSubscriptions);
