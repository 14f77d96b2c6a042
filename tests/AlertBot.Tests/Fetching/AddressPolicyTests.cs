using System.Net;
using AlertBot.Core.Feeds.Fetching;

namespace AlertBot.Tests.Fetching;

public class AddressPolicyTests
{
    [Fact]
    public void Public_addresses_are_allowed_without_configuration() =>
        Assert.Null(new AddressPolicy([], []).Refusal("example.org", IPAddress.Parse("93.184.216.34")));

    [Theory]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("10.0.0.5", AddressKind.Private)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("::ffff:192.168.0.1", AddressKind.Private)]
    public void Internal_addresses_are_refused_by_default(string address, AddressKind kind) =>
        Assert.Equal(kind, new AddressPolicy([], []).Refusal("feeds.example", IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.0/8", "127.0.0.5")]
    [InlineData("127.0.0.0/8", "::ffff:127.0.0.5")]
    [InlineData("10.1.0.0/16", "10.1.200.3")]
    [InlineData("fd00::/8", "fd12::1")]
    public void An_allow_listed_network_admits_its_addresses(string network, string address) =>
        Assert.Null(new AddressPolicy([], [network]).Refusal("feeds.example", IPAddress.Parse(address)));

    [Fact]
    public void An_allow_listed_network_does_not_admit_its_neighbours() =>
        Assert.Equal(AddressKind.Private, new AddressPolicy([], ["10.1.0.0/16"]).Refusal("feeds.example", IPAddress.Parse("10.2.0.1")));

    [Theory]
    [InlineData("intranet.example")]
    [InlineData("INTRANET.example.")]
    public void An_allow_listed_host_name_may_resolve_internally(string host) =>
        Assert.Null(new AddressPolicy(["intranet.example"], []).Refusal(host, IPAddress.Parse("10.0.0.7")));

    [Fact]
    public void Allow_listing_one_host_does_not_admit_another_on_the_same_address() =>
        Assert.Equal(AddressKind.Private, new AddressPolicy(["intranet.example"], []).Refusal("evil.example", IPAddress.Parse("10.0.0.7")));
}
