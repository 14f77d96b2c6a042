using Microsoft.Extensions.Options;

namespace AlertBot.Health;

public sealed class HttpOptionsValidator : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options) =>
        string.IsNullOrWhiteSpace(options.ListenUrl)
        || (Uri.TryCreate(options.ListenUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{HttpOptions.SectionName}:ListenUrl must be an absolute http(s) URL such as http://0.0.0.0:8080, got '{options.ListenUrl}'.");
}
