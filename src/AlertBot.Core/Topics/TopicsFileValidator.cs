using Microsoft.Extensions.Options;

namespace AlertBot.Core.Topics;

/// <summary>
/// Reads the topics file at start-up validation, so a missing or broken file stops the bot with the key, the
/// path and what was expected (exit code 3) before anything starts, instead of failing inside the host.
/// </summary>
public sealed class TopicsFileValidator : IValidateOptions<TopicsOptions>
{
    public const string Expected = """expected JSON like {"topics":[{"id":"my-topic","name":"My topic","sources":[{"url":"https://example.com/rss"}]}]}""";

    public ValidateOptionsResult Validate(string? name, TopicsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.File)) return ValidateOptionsResult.Skip; // reported by the rule that it must be set
        try
        {
            TopicsFile.Load(options.File);
            return ValidateOptionsResult.Success;
        }
        catch (TopicsFileException ex)
        {
            return ValidateOptionsResult.Fail($"{ex.Message} ({Expected})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Topics:File '{options.File}' cannot be read: {ex.Message} ({Expected})");
        }
    }
}
