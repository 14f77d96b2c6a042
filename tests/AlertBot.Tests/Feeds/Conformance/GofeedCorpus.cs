using System.Text.Json;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>Scores Go gofeed's 552 cases against their expected values projected onto the generic model.</summary>
internal sealed class GofeedCorpus : CorpusTally
{

    public void Run(string corpus) => RunAll(corpus, "gofeed_cases.jsonl");

    /// <summary>translator/rss|atom|json are scored together: they are gofeed's universal model, our closest match.</summary>
    public static string SuiteName(string suite) => suite.StartsWith("translator/", StringComparison.Ordinal) ? "translator" : suite;

    protected override void RunCase(string corpus, JsonElement record)
    {
        var file = record.GetProperty("file").GetString()!;
        var (outcome, result) = CorpusRunner.Run(File.ReadAllBytes(Path.Combine(corpus, file)), null, null);
        var malformed = record.GetProperty("categories").EnumerateArray().Any(c => c.GetString() is "malformed" or "encoding")
            || record.TryGetProperty("strict_xml_wellformed", out var wf) && wf.ValueKind == JsonValueKind.False;
        if (!CountDocument(file, outcome, malformed)) return;

        var name = SuiteName(record.GetProperty("suite").GetString()!);
        var score = Suites.TryGetValue(name, out var s) ? s : Suites[name] = new Score();
        var before = (score.Passed, score.Total);
        var expectError = record.TryGetProperty("expected_error", out var err) && err.ValueKind == JsonValueKind.True;
        if (expectError) score.Add("expected_error", result!.Feed is null, result.Feed is null, $"{file}: expected an error, got a feed");
        else if (result!.Feed is null) score.Add("readable", false, false, $"{file}: {result.Error}");
        else CompareFeed(record.GetProperty("generic"), result.Feed, score, file);

        var scored = score.Total - before.Total;
        if (scored == 0) return;
        score.Cases++;
        var allPassed = score.Passed - before.Passed == scored;
        if (allPassed) score.CasesPassed++;
        if (malformed) CountRecovery(allPassed);
    }

    private static void CompareFeed(JsonElement g, Feed f, Score score, string file)
    {
        foreach (var p in g.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "feed_title": Text(score, "feed_title", v, f.Title, file); break;
                case "feed_link": Url(score, "feed_link", v, f.Link, file); break;
                case "feed_description": Text(score, "feed_description", v, f.Description, file); break;
                case "feed_language": Url(score, "feed_language", v, f.Language, file); break;
                case "feed_updated": Url(score, "feed_updated", v, Iso(f.Updated), file); break;
                case "feed_published": Url(score, "feed_published", v, Iso(f.Published), file); break;
                case "feed_author": Author(score, "feed_author", v, f.Author, f.AuthorEmail, file); break;
                case "feed_categories": List(score, "feed_categories", v, f.Categories, file); break;
                case "format": Url(score, "format", v, f.Format is FeedFormat.Rdf or FeedFormat.Rss ? "rss" : f.Format.ToString().ToLowerInvariant(), file); break;
                case "format_version": Url(score, "format_version", v, f.Version, file); break;
                case "items":
                    Url(score, "item_count", v.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture), f.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), file);
                    var i = 0;
                    foreach (var item in v.EnumerateArray())
                    {
                        if (i < f.Items.Count) CompareItem(item, f.Items[i], score, $"{file} item {i}");
                        i++;
                    }
                    break;
                default: score.NotApplicable++; break;
            }
        }
    }

    private static void CompareItem(JsonElement g, FeedItem e, Score score, string where)
    {
        foreach (var p in g.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "title": Text(score, "item_title", v, e.Title, where); break;
                case "link": Url(score, "item_link", v, e.Link, where); break;
                case "id": Url(score, "item_id", v, e.Id, where); break;
                case "published": Url(score, "item_published", v, Iso(e.Published), where); break;
                case "updated": Url(score, "item_updated", v, Iso(e.Updated), where); break;
                case "summary": Text(score, "item_summary", v, e.Summary, where); break;
                case "content": Text(score, "item_content", v, e.Content, where, html: true); break;
                case "author": Author(score, "item_author", v, e.Author, e.AuthorEmail, where); break;
                case "categories": List(score, "item_categories", v, e.Categories, where); break;
                case "enclosures":
                    var expected = v.EnumerateArray().Select(x => $"{Prop(x, "url")}|{Prop(x, "type")}|{Prop(x, "length")}");
                    var actual = e.Enclosures.Select(x => $"{x.Url}|{x.Type}|{x.Length}");
                    Url(score, "item_enclosures", string.Join(", ", expected), string.Join(", ", actual.Take(v.GetArrayLength())), where);
                    break;
                default: score.NotApplicable++; break;
            }
        }
    }

    private static string Prop(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";

    private static string? Iso(DateTimeOffset? d) => d?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Our fields are plain text except content (HTML); theirs may hold HTML, so theirs is always normalised fully.</summary>
    private static void Text(Score score, string field, JsonElement expected, string? actual, string where, bool html = false)
    {
        var want = expected.GetString();
        score.Add(field, Normalise.Text(want) == (html ? Normalise.Text(actual) : Normalise.Plain(actual)), want == actual, $"{where} [{field}] expected \"{want}\" got \"{actual}\"");
    }

    private static void Url(Score score, string field, JsonElement expected, string? actual, string where) =>
        Url(score, field, expected.ValueKind == JsonValueKind.String ? expected.GetString()! : expected.GetRawText(), actual, where);

    private static void Url(Score score, string field, string expected, string? actual, string where)
    {
        // RFC 3339 fractions are dropped: instants are compared to the second.
        if ((field.EndsWith("updated", StringComparison.Ordinal) || field.EndsWith("published", StringComparison.Ordinal))
            && DateTimeOffset.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
            expected = Iso(instant)!;
        score.Add(field, expected == (actual ?? "").Trim(), expected == actual, $"{where} [{field}] expected \"{expected}\" got \"{actual}\"");
    }

    private static void Author(Score score, string field, JsonElement expected, string? name, string? email, string where)
    {
        var first = expected.EnumerateArray().FirstOrDefault();
        var wantName = Prop(first, "name");
        var wantEmail = Prop(first, "email");
        var ok = (wantName.Length == 0 || wantName == name) && (wantEmail.Length == 0 || wantEmail == email);
        score.Add(field, ok, ok, $"{where} [{field}] expected {wantName}/{wantEmail} got {name}/{email}");
    }

    private static void List(Score score, string field, JsonElement expected, IReadOnlyList<string> actual, string where)
    {
        var want = string.Join(" | ", expected.EnumerateArray().Select(x => Normalise.Text(x.GetString())));
        var got = string.Join(" | ", actual.Select(Normalise.Plain));
        score.Add(field, want == got, want == got, $"{where} [{field}] expected {want} got {got}");
    }
}
