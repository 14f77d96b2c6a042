using AlertBot.Core.Articles;
using AlertBot.Core.Configuration;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Topics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Core.Pipeline;

public static class PipelineSetup
{
    /// <summary>Fetch, parse, clean, enrich and route: everything a source check needs.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummaryOptions>>(new RuleValidator<SummaryOptions>(
            ("Summaries:MaxChars", o => o.MaxChars is >= 80 and <= 4000, o => $"must be between 80 and 4000 characters, was {o.MaxChars}")));
        services.AddOptions<ArticleTextOptions>().BindConfiguration(ArticleTextOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArticleTextOptions>>(new RuleValidator<ArticleTextOptions>(
            ("Articles:TeaserMaxChars", o => o.TeaserMaxChars is >= 0 and <= 100_000, o => $"must be between 0 and 100000 characters, was {o.TeaserMaxChars}")));
        services.AddOptions<TopicsOptions>().BindConfiguration(TopicsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TopicsOptions>>(new RuleValidator<TopicsOptions>(
            ("Topics:File", o => !string.IsNullOrWhiteSpace(o.File), _ => "must name the topics JSON file")));
        services.AddSingleton<IValidateOptions<TopicsOptions>, TopicsFileValidator>();

        services.AddFeedFetching();
        services.AddSingleton<SourceHealth>();
        services.AddSingleton<ArticleTextResolver>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<IArticleEnricher>(sp => sp.GetRequiredService<ArticleProcessor>());
        services.AddSingleton<AlertRouter>();
        services.AddSingleton<SourceChecker>();
        services.AddSingleton<SourceCheckRunner>();
        services.AddSingleton<BotInitializer>();
        return services;
    }
}
