namespace AlertBot.Core.Feeds.Fetching;

/// <summary>What an IP address is, as far as server-side request forgery is concerned.</summary>
public enum AddressKind
{
    /// <summary>Routable on the public internet: the only kind fetched without an allow-list entry.</summary>
    Public,
    /// <summary>0.0.0.0/8, :: — "this host"; connecting to it reaches the local machine on Linux.</summary>
    Unspecified,
    Loopback,
    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16).</summary>
    Private,
    /// <summary>100.64/10, the carrier-grade NAT shared space: internal to an operator.</summary>
    CarrierGradeNat,
    LinkLocal,
    /// <summary>fc00::/7, the IPv6 counterpart of the private ranges.</summary>
    UniqueLocal,
    /// <summary>fec0::/10, deprecated but still routed internally by some networks.</summary>
    SiteLocal,
    Multicast,
    Broadcast,
    /// <summary>Documentation, benchmarking, IETF protocol and future-use ranges: never a real web server.</summary>
    Reserved,
}
