namespace AlertBot.Health;

/// <summary>
/// Section "Http". Empty <see cref="ListenUrl"/> (the console default) means no HTTP endpoint; the Docker
/// image sets http://0.0.0.0:8080. Serves /healthz, /readyz and /metrics.
/// </summary>
public sealed class HttpOptions
{
    public const string SectionName = "Http";

    public string? ListenUrl { get; set; }
}
