namespace AlertBot.Cli;

public enum Verb { Run, Chat, Once, CheckFeed, Extract, Cluster, Opml, Help }

/// <summary>The command line: <c>alertbot [run|chat|once|check-feed|extract|cluster] [target] [--db PATH] [--json] [--explain]</c>.</summary>
public sealed record CliArguments(Verb Verb, string? Target, string? DatabasePath, bool Json)
{
    /// <summary><c>cluster --explain</c>: also print, on standard error, the stories each report was compared with.</summary>
    public bool Explain { get; init; }

    /// <summary><c>opml import|export &lt;topic&gt; [file|url]</c>: the words after the verb.</summary>
    public IReadOnlyList<string> Operands { get; init; } = [];

    public const string Usage =
        """
        usage: alertbot [verb] [options]

          (no verb), run           run the bot: scheduled checks, delivery, and every configured platform
                                   (the interactive Console platform when no Discord or Telegram token is set)
          chat  [--db PATH]        read commands from standard input, print each reply, exit at end of input
          once  [--db PATH]        check every source once, deliver what is due, print console alerts, exit
          check-feed <url|path> [--json]   fetch and parse one feed and print it
          extract <url|path> [--json]      print an article's cleaned text
          cluster <stream.jsonl> [--explain]   group a stream of reports into stories, one {"id","story_id"} line each
          opml export <topic> [--db PATH]              print a topic's feeds as OPML
          opml import <topic> <file|url> [--db PATH]   add the feeds of an OPML list to a topic

        Configuration: config/appsettings.json and ALERTBOT__SECTION__KEY environment variables.
        """;

    public static CliArguments Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var verb = Verb.Run;
        string? target = null, db = null;
        bool json = false, explain = false;
        var operands = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            switch (a)
            {
                case "--db" when i + 1 < args.Count:
                    db = args[++i];
                    break;
                case "--db":
                    error = "--db needs a path, for example --db data/alertbot.db";
                    break;
                case "--json":
                    json = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case "-h" or "--help" or "help":
                    verb = Verb.Help;
                    break;
                case "run" when i == 0: verb = Verb.Run; break;
                case "chat" when i == 0: verb = Verb.Chat; break;
                case "once" when i == 0: verb = Verb.Once; break;
                case "check-feed" when i == 0: verb = Verb.CheckFeed; break;
                case "extract" when i == 0: verb = Verb.Extract; break;
                case "cluster" when i == 0: verb = Verb.Cluster; break;
                case "opml" when i == 0: verb = Verb.Opml; break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal)) error = $"unknown option {a}";
                    else if (i == 0) error = $"unknown verb '{a}'";
                    else if (target is null && verb is Verb.CheckFeed or Verb.Extract or Verb.Cluster) target = a;
                    else if (verb is Verb.Opml && operands.Count < 3) operands.Add(a);
                    else error = $"unexpected argument '{a}'";
                    break;
            }
        }
        if (error is null && verb is Verb.CheckFeed or Verb.Extract && target is null)
            error = $"{(verb == Verb.CheckFeed ? "check-feed" : "extract")} needs a URL or a file path";
        if (error is null && verb is Verb.Cluster && target is null)
            error = "cluster needs a JSONL file of reports (fields id, title, text, published, outlet, url)";
        if (error is null && verb is Verb.Opml && !(operands is ["export", _] || operands is ["import", _, _]))
            error = "opml needs: export <topic>, or import <topic> <file or URL>";
        return new CliArguments(verb, target, db, json) { Explain = explain, Operands = operands };
    }
}
