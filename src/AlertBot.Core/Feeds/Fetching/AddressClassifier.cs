using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>
/// Classifies IP addresses for the SSRF guard. IPv6 forms that carry an IPv4 address (mapped, compatible,
/// 6to4, NAT64, Teredo) are judged by the address they carry, so "::ffff:127.0.0.1" or "2002:7f00:1::" cannot
/// smuggle loopback past the guard.
/// </summary>
public static class AddressClassifier
{
    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(ToUInt32(address)),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Reserved,
        };
    }

    public static bool IsPublic(IPAddress address) => Classify(address) == AddressKind.Public;

    /// <summary>Words for a moderator: "a private address".</summary>
    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Public => "a public address",
        AddressKind.Unspecified => "an unspecified (this-host) address",
        AddressKind.Loopback => "a loopback address",
        AddressKind.Private => "a private-network address",
        AddressKind.CarrierGradeNat => "a carrier-grade NAT address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.UniqueLocal => "a unique-local (private IPv6) address",
        AddressKind.SiteLocal => "a site-local address",
        AddressKind.Multicast => "a multicast address",
        AddressKind.Broadcast => "the broadcast address",
        _ => "a reserved address",
    };

    private static AddressKind ClassifyV4(uint a)
    {
        if (a == 0xFFFFFFFF) return AddressKind.Broadcast;
        if (In(a, 0x00000000, 8)) return AddressKind.Unspecified;       // 0.0.0.0/8
        if (In(a, 0x7F000000, 8)) return AddressKind.Loopback;          // 127/8
        if (In(a, 0x0A000000, 8) || In(a, 0xAC100000, 12) || In(a, 0xC0A80000, 16)) return AddressKind.Private;
        if (In(a, 0x64400000, 10)) return AddressKind.CarrierGradeNat;  // 100.64/10
        if (In(a, 0xA9FE0000, 16)) return AddressKind.LinkLocal;        // 169.254/16 (cloud metadata lives here)
        if (In(a, 0xE0000000, 4)) return AddressKind.Multicast;         // 224/4
        if (In(a, 0xF0000000, 4)                                        // 240/4 future use
            || In(a, 0xC0000000, 24)                                    // 192.0.0/24 IETF protocol assignments
            || In(a, 0xC0000200, 24)                                    // 192.0.2/24 TEST-NET-1
            || In(a, 0xC0586300, 24)                                    // 192.88.99/24 6to4 relay anycast (deprecated)
            || In(a, 0xC6120000, 15)                                    // 198.18/15 benchmarking
            || In(a, 0xC6336400, 24)                                    // 198.51.100/24 TEST-NET-2
            || In(a, 0xCB007100, 24))                                   // 203.0.113/24 TEST-NET-3
            return AddressKind.Reserved;
        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b[8..]);

        if (high == 0 && low == 0) return AddressKind.Unspecified;
        if (high == 0 && low == 1) return AddressKind.Loopback;
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible): the socket talks to the IPv4 address.
        if (high == 0 && (low >> 32 == 0xFFFF || low >> 32 == 0)) return ClassifyV4((uint)low);
        // ::ffff:0:a.b.c.d (SIIT translated) and 64:ff9b::/96 (NAT64 well-known prefix) carry IPv4 in the low bits.
        if (high == 0 && low >> 32 == 0xFFFF0000) return ClassifyV4((uint)low);
        if (high == 0x0064FF9B00000000 && low >> 32 == 0) return ClassifyV4((uint)low);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0 && b[5] == 1)
            return AddressKind.Reserved;                                // 64:ff9b:1::/48 local-use NAT64
        if (b[0] == 0x20 && b[1] == 0x02)                               // 2002::/16 6to4: IPv4 in bytes 2..5
            return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(b[2..]));
        if (high >> 32 == 0x20010000)                                   // 2001::/32 Teredo: client IPv4 inverted
            return ClassifyV4(~(uint)low);
        if ((b[0] & 0xFE) == 0xFC) return AddressKind.UniqueLocal;      // fc00::/7
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressKind.LinkLocal; // fe80::/10
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AddressKind.SiteLocal; // fec0::/10
        if (b[0] == 0xFF) return AddressKind.Multicast;                 // ff00::/8
        if (high >> 32 == 0x20010DB8                                   // 2001:db8::/32 documentation
            || (high >> 16) == 0x200100020000                           // 2001:2::/48 benchmarking
            || (high >> 36) == 0x2001001 || (high >> 36) == 0x2001002   // 2001:10::/28, 2001:20::/28 ORCHID
            || high == 0x0100000000000000                               // 100::/64 discard-only
            || (b[0] & 0xE0) != 0x20)                                   // outside 2000::/3, nothing global is assigned
            return AddressKind.Reserved;
        return AddressKind.Public;
    }

    private static bool In(uint address, uint network, int prefix) => (address ^ network) >> (32 - prefix) == 0;

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        address.TryWriteBytes(b, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(b);
    }
}
