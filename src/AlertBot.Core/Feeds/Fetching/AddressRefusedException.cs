using System.Net;

namespace AlertBot.Core.Feeds.Fetching;

/// <summary>Thrown from the connect callback when every address of a host is internal and not allow-listed.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException() { }
    public AddressRefusedException(string message) : base(message) { }
    public AddressRefusedException(string message, Exception inner) : base(message, inner) { }

    public AddressRefusedException(string host, IPAddress address, AddressKind kind)
        : base($"refused to fetch from {host}: it resolves to {address}, {AddressClassifier.Describe(kind)} " +
               $"(allow it with {FetchOptions.SectionName}:AllowedHosts or {FetchOptions.SectionName}:AllowedNetworks)")
    {
        Host = host;
        Address = address;
        Kind = kind;
    }

    public string? Host { get; }
    public IPAddress? Address { get; }
    public AddressKind? Kind { get; }
}
