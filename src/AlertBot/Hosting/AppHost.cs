using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Core.Channels;
using AlertBot.Core.Chats;
using AlertBot.Core.Commands;
using AlertBot.Core.Delivery;
using AlertBot.Core.Feeds.Fetching;
using AlertBot.Core.Pipeline;
using AlertBot.Core.Storage;
using AlertBot.Core.Stories;
using AlertBot.Core.Subscriptions;
using AlertBot.Discord;
using AlertBot.Health;
using AlertBot.Scheduling;
using AlertBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Quartz;

namespace AlertBot.Hosting;

/// <summary>Builds the Generic Host for one run mode. Program.cs and the end-to-end tests both come through here.</summary>
public static class AppHost
{
    /// <param name="extraConfiguration">Overrides applied last (tests, --db).</param>
    /// <param name="configure">Last word on services (tests swap a seam here).</param>
    public static IHost Build(CliArguments cli, ConsoleIO io, IDictionary<string, string?>? extraConfiguration = null, Action<IServiceCollection>? configure = null)
    {
        var configDir = FindConfigDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = true,
        });

        builder.Configuration
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Topics:File"] = Path.Combine(configDir, "topics.json") })
            .AddJsonFile(Path.Combine(configDir, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("ALERTBOT__");
        if (cli.DatabasePath is not null) builder.Configuration.AddInMemoryCollection([new("Storage:Path", cli.DatabasePath)]);
        if (extraConfiguration is not null) builder.Configuration.AddInMemoryCollection(extraConfiguration);

        // Logs go to standard error, so standard output stays the chat (and `chat`/`once` output stays clean).
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // Logging:Format json: one JSON object per line, scopes (source, feed, chat) included, for log shippers.
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; });
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (cli.Verb == Verb.Run && !HasChatPlatformToken(builder.Configuration))
            builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(io);
        services.AddStorage();
        services.AddMatching();
        services.AddChats();
        services.AddPipeline();
        services.AddStories();
        services.AddChannels();
        services.AddDelivery();
        services.AddCommands();
        services.AddHealth(builder.Configuration, endpoint: cli.Verb == Verb.Run);
        services.AddSingleton<ConsolePlatform>();
        services.AddSingleton<ConsoleSession>();
        services.AddHostedService<InitializerService>();

        if (cli.Verb == Verb.Run)
        {
            var console = !HasChatPlatformToken(builder.Configuration);
            services.Configure<CheckScheduleOptions>(o => o.HonourDrip = console);
            // Scheduled checks run at most Fetch:MaxConcurrentChecks at a time, as in `once`.
            services.AddQuartz(q => q.UseDefaultThreadPool(Math.Max(1, builder.Configuration.GetValue("Fetch:MaxConcurrentChecks", new FetchOptions().MaxConcurrentChecks))));
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            services.AddHostedService<SourceScheduler>();
            services.AddHostedService<DeliveryService>();
            AddChatPlatforms(services, builder.Configuration);
            if (console)
            {
                services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ConsolePlatform>());
                services.AddHostedService<InteractiveConsoleService>();
            }
        }
        else
        {
            // chat and once print to the console; alerts for console subscriptions are delivered there.
            services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ConsolePlatform>());
            // once also delivers what is due on the configured platforms (their receive loops never start:
            // the verbs do not start the host's services).
            if (cli.Verb == Verb.Once) AddChatPlatforms(services, builder.Configuration);
        }

        configure?.Invoke(services);
        return builder.Build();
    }

    private static void AddChatPlatforms(IServiceCollection services, ConfigurationManager configuration)
    {
        if (TelegramSetup.IsConfigured(configuration)) services.AddTelegram(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["Discord:Token"])) services.AddDiscord(configuration);
    }

    internal static bool HasChatPlatformToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Discord:Token"]) || !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]);

    /// <summary>config/ in the working directory (a checkout), else next to the binary (a published build).</summary>
    internal static string FindConfigDirectory()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "config");
        return File.Exists(Path.Combine(local, "appsettings.json")) ? local : Path.Combine(AppContext.BaseDirectory, "config");
    }
}
