using System.Text;
using AlertBot.Cli;
using AlertBot.ConsoleChat;
using AlertBot.Hosting;
using Microsoft.Extensions.Hosting;

Console.OutputEncoding = Encoding.UTF8;
var cli = CliArguments.Parse(args, out var error);
if (error is not null)
{
    await Console.Error.WriteLineAsync($"alertbot: {error}\n\n{CliArguments.Usage}");
    return 2;
}
if (cli.Verb == Verb.Help)
{
    Console.WriteLine(CliArguments.Usage);
    return 0;
}

var io = new ConsoleIO(Console.In, Console.Out);
try
{
    using var host = AppHost.Build(cli, io);
    using var cts = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = cli.Verb != Verb.Run; cts.Cancel(); };
    switch (cli.Verb)
    {
        case Verb.Run:
            // Configuration errors surface here, before anything starts, as one message each (exit 3).
            await host.StartValidationAsync();
            await host.RunAsync();
            // A platform that stopped for good (rejected token, disallowed intents) sets a non-zero exit code.
            return Environment.ExitCode;
        case Verb.Chat:
            await host.StartValidationAsync();
            return await Verbs.ChatAsync(host, cts.Token);
        case Verb.Once:
            await host.StartValidationAsync();
            return await Verbs.OnceAsync(host, cts.Token);
        case Verb.CheckFeed:
            await host.StartValidationAsync();
            return await InspectVerbs.CheckFeedAsync(host, cli, Console.Out, Console.Error, cts.Token);
        case Verb.Extract:
            await host.StartValidationAsync();
            return await InspectVerbs.ExtractAsync(host, cli, Console.Out, Console.Error, cts.Token);
        case Verb.Cluster:
            await host.StartValidationAsync();
            return await ClusterVerb.RunAsync(host, cli, Console.Out, Console.Error, cts.Token);
        case Verb.Opml:
            await host.StartValidationAsync();
            return await OpmlVerb.RunAsync(host, cli, Console.Out, Console.Error, cts.Token);
        default:
            await Console.Error.WriteLineAsync($"alertbot: {cli.Verb} is not available yet.");
            return 2;
    }
}
catch (Exception ex) when (ConfigurationErrors.Collect(ex) is { } problems)
{
    await Console.Error.WriteLineAsync("alertbot: configuration error:\n  " + string.Join("\n  ", problems));
    return 3;
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // Start-up failures that are not configuration (a platform rejecting its token, an unreadable database)
    // stop the bot with their message rather than a stack trace.
    await Console.Error.WriteLineAsync($"alertbot: {ex.Message}");
    return 1;
}
