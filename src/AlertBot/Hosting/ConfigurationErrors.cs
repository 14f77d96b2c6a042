using AlertBot.Core.Topics;
using Microsoft.Extensions.Options;

namespace AlertBot.Hosting;

/// <summary>Recognises start-up failures caused by configuration and lists each problem by key.</summary>
public static class ConfigurationErrors
{
    /// <returns>The problems, or null when the exception is not a configuration error.</returns>
    public static IReadOnlyList<string>? Collect(Exception exception) => exception switch
    {
        OptionsValidationException e => e.Failures.ToList(),
        TopicsFileException e => [e.Message],
        AggregateException e when e.InnerExceptions.All(i => Collect(i) is not null) => e.InnerExceptions.SelectMany(i => Collect(i)!).ToList(),
        _ => null,
    };
}
