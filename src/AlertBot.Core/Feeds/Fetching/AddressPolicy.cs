using System.Net;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>
/// Decides whether the fetcher may open a connection to an address: public addresses always, internal ones only
/// when the host name or the network is allow-listed in configuration.
/// </summary>
public sealed class AddressPolicy
{
    private readonly HashSet<string> _hosts;
    private readonly IPNetwork[] _networks;

    public AddressPolicy(IEnumerable<string> allowedHosts, IEnumerable<string> allowedNetworks)
    {
        _hosts = new HashSet<string>(allowedHosts.Select(NormaliseHost), StringComparer.OrdinalIgnoreCase);
        _networks = allowedNetworks.Select(n => IPNetwork.Parse(n)).ToArray();
    }

    public static AddressPolicy From(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.AllowedHosts, options.AllowedNetworks);
    }

    /// <summary>Null when allowed; otherwise the kind of internal address that was refused.</summary>
    public AddressKind? Refusal(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var kind = AddressClassifier.Classify(address);
        if (kind == AddressKind.Public) return null;
        if (_hosts.Contains(NormaliseHost(host))) return null;
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in _networks)
        {
            if (network.Contains(address) || network.Contains(plain)) return null;
        }
        return kind;
    }

    private static string NormaliseHost(string host) => host.Trim().Trim('[', ']').TrimEnd('.');
}
