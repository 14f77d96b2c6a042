using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>
/// The SocketsHttpHandler connect callback: resolves the host itself and connects only to addresses the
/// <see cref="AddressPolicy"/> allows. Checking here, on the address actually dialled, means neither a redirect
/// nor a DNS answer that changes between a check and the connect (rebinding) can reach an internal service.
/// </summary>
public sealed class GuardedConnector(AddressPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        AddressRefusedException? refused = null;
        Exception? lastError = null;
        foreach (var address in addresses)
        {
            if (policy.Refusal(host, address) is { } kind)
            {
                refused ??= new AddressRefusedException(host, address, kind);
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        if (lastError is not null) ExceptionDispatchInfo.Throw(lastError);
        throw refused ?? new AddressRefusedException($"refused to fetch from {host}: it has no address");
    }
}
