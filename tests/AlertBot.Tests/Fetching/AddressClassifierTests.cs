using System.Net;
using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class AddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("0.1.2.3", AddressKind.Unspecified)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.255.254", AddressKind.Loopback)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("10.255.255.255", AddressKind.Private)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("172.15.255.255", AddressKind.Public)]
    [InlineData("172.32.0.0", AddressKind.Public)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("192.169.0.1", AddressKind.Public)]
    [InlineData("100.64.0.1", AddressKind.CarrierGradeNat)]
    [InlineData("100.127.255.255", AddressKind.CarrierGradeNat)]
    [InlineData("100.63.255.255", AddressKind.Public)]
    [InlineData("100.128.0.0", AddressKind.Public)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("255.255.255.255", AddressKind.Broadcast)]
    [InlineData("192.0.0.8", AddressKind.Reserved)]
    [InlineData("192.0.2.10", AddressKind.Reserved)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("198.19.255.255", AddressKind.Reserved)]
    [InlineData("198.51.100.7", AddressKind.Reserved)]
    [InlineData("203.0.113.9", AddressKind.Reserved)]
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("1.1.1.1", AddressKind.Public)]
    public void IPv4_addresses_are_classified(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("febf:ffff::1", AddressKind.LinkLocal)]
    [InlineData("fec0::1", AddressKind.SiteLocal)]
    [InlineData("fc00::1", AddressKind.UniqueLocal)]
    [InlineData("fd12:3456:789a::1", AddressKind.UniqueLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("ff05::1:3", AddressKind.Multicast)]
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("2001:2::1", AddressKind.Reserved)]
    [InlineData("2001:10::1", AddressKind.Reserved)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("64:ff9b:1::1", AddressKind.Reserved)]
    [InlineData("4000::1", AddressKind.Reserved)]
    [InlineData("2606:4700:4700::1111", AddressKind.Public)]
    [InlineData("2a00:1450:4001:80b::200e", AddressKind.Public)]
    public void IPv6_addresses_are_classified(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]      // IPv4-mapped
    [InlineData("::ffff:10.1.2.3", AddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("::ffff:0.0.0.0", AddressKind.Unspecified)]
    [InlineData("::ffff:8.8.8.8", AddressKind.Public)]
    [InlineData("::127.0.0.1", AddressKind.Loopback)]           // IPv4-compatible (deprecated)
    [InlineData("::ffff:0:192.168.0.1", AddressKind.Private)]   // SIIT translated
    [InlineData("64:ff9b::7f00:1", AddressKind.Loopback)]       // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::808:808", AddressKind.Public)]        // NAT64 of 8.8.8.8
    [InlineData("2002:7f00:1::1", AddressKind.Loopback)]        // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1", AddressKind.Private)]       // 6to4 of 192.168.1.1
    [InlineData("2002:a9fe:a9fe::", AddressKind.LinkLocal)]     // 6to4 of 169.254.169.254
    [InlineData("2002:808:808::1", AddressKind.Public)]         // 6to4 of 8.8.8.8
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe", AddressKind.Loopback)] // Teredo, client 127.0.0.1 inverted
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7", AddressKind.Public)]   // Teredo, client 8.8.8.8 inverted
    public void IPv6_forms_carrying_IPv4_are_judged_by_the_IPv4_address(string address, AddressKind expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));
}
