using AlertBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Stories;

public static class StoriesSetup
{
    /// <summary>Options of the stories stage, validated at start-up.</summary>
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddOptions<StoryOptions>().BindConfiguration(StoryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoryOptions>>(new RuleValidator<StoryOptions>(
            ("Stories:WindowHours", o => o.WindowHours is >= 1 and <= 3650 * 24, o => $"must be between 1 and 87600 hours, was {o.WindowHours}"),
            ("Stories:JoinThreshold", o => o.JoinThreshold is > 0 and < 1, o => $"must be between 0 and 1 (exclusive), was {o.JoinThreshold}"),
            ("Stories:LeadSentences", o => o.LeadSentences is >= 1 and <= 20, o => $"must be between 1 and 20, was {o.LeadSentences}"),
            ("Stories:MaxStoryTerms", o => o.MaxStoryTerms is >= 8 and <= 1000, o => $"must be between 8 and 1000, was {o.MaxStoryTerms}"),
            ("Stories:CopyContainment", o => o.CopyContainment is > 0 and <= 1, o => $"must be above 0 and at most 1, was {o.CopyContainment}")));
        services.AddSingleton<StoryStage>();
        return services;
    }
}
