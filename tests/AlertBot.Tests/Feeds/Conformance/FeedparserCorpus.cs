using System.Text.Json;
using AlertBot.Core.Feeds;

namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>Scores Python feedparser's 2,107 cases (expectations in _derived/feedparser_expectations.jsonl).</summary>
internal sealed class FeedparserCorpus : CorpusTally
{
    /// <summary>Fields our model carries; every other generic field is counted as not applicable.</summary>
    private static readonly HashSet<string> ScoredFields =
    [
        "feed_title", "feed_link", "feed_description", "feed_author", "feed_categories", "item_title", "item_link", "item_id",
        "item_summary_content", "item_author", "item_categories", "item_enclosures", "format_version", "item_count",
    ];

    public Score Sanitize { get; } = new();
    public Score Detection { get; } = new();
    public Score Encoding { get; } = new();

    public void Run(string corpus) => RunAll(corpus, "feedparser_expectations.jsonl");

    protected override void RunCase(string corpus, JsonElement record)
    {
        var file = record.GetProperty("file").GetString()!;
        var bytes = File.ReadAllBytes(Path.Combine(corpus, file));
        var (baseUrl, contentType) = Http(record);
        var (outcome, result) = CorpusRunner.Run(bytes, baseUrl, contentType);
        var categories = record.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        var malformed = categories.Contains("malformed") || categories.Contains("encoding") || categories.Contains("crash_regression");
        if (!CountDocument(file, outcome, malformed)) return;

        var suite = record.GetProperty("suite").GetString()!;
        var score = ExcludedPolicies.IsSanitize(file) ? Sanitize : Suites.TryGetValue(suite, out var s) ? s : Suites[suite] = new Score();
        var rfc3023 = ExcludedPolicies.IsRfc3023Charset(record);
        var scored = 0;
        var passed = 0;
        foreach (var assertion in record.GetProperty("assertions").EnumerateArray())
        {
            var (field, ok, exact, detail) = Evaluate(assertion, result!);
            if (field is null) { score.NotApplicable++; continue; }
            if (field == "wellformedness") { if (!rfc3023) Detection.Add(field, ok, exact); continue; }
            if (field == "detected_encoding") { if (!rfc3023) Encoding.Add(field, ok, exact, $"{file}: {detail}"); continue; }
            if (!ScoredFields.Contains(field) && !field.Contains("date(parsed", StringComparison.Ordinal)) { score.NotApplicable++; continue; }
            score.Add(field, ok, exact, $"{file} [{field}] {detail}");
            scored++;
            if (ok) passed++;
        }
        if (scored == 0) return;
        score.Cases++;
        if (passed == scored) score.CasesPassed++;
        if (malformed && !ExcludedPolicies.IsSanitize(file)) CountRecovery(passed == scored);
    }

    private static (Uri? Base, string? ContentType) Http(JsonElement record)
    {
        Uri? baseUrl = null;
        string? contentType = null;
        if (record.TryGetProperty("served_url", out var served)) baseUrl = new Uri(served.GetString()!);
        if (record.TryGetProperty("http_headers", out var headers))
            foreach (var h in headers.EnumerateObject())
            {
                if (h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = h.Value.GetString();
                if (h.Name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(baseUrl, h.Value.GetString(), out var loc)) baseUrl = loc;
            }
        return (baseUrl, contentType);
    }

    /// <summary>Returns the generic field (null when not applicable), whether it passed normalised and exactly, and a note.</summary>
    private static (string? Field, bool Ok, bool Exact, string Detail) Evaluate(JsonElement a, FeedParseResult result)
    {
        if (a.TryGetProperty("any_of", out var branches))
        {
            string? label = null;
            var best = (Ok: false, Exact: false, Detail: "");
            foreach (var branch in branches.EnumerateArray())
            {
                var all = (Ok: true, Exact: true, Detail: "");
                foreach (var inner in branch.EnumerateArray())
                {
                    var (f, ok, exact, detail) = Evaluate(inner, result);
                    if (f is null) { all = (false, false, "n/a"); break; }
                    if (f != "wellformedness") label ??= f;
                    all = (all.Ok && ok, all.Exact && exact, all.Detail + detail);
                }
                if (all.Ok) best = (true, best.Exact || all.Exact, "");
                else if (!best.Ok) best = (false, false, all.Detail);
            }
            return (label ?? "wellformedness", best.Ok, best.Exact, best.Detail);
        }

        var generic = a.GetProperty("generic_field").GetString()!;
        var op = a.GetProperty("op").GetString();
        if (op is "no_crash" or "==path") return (null, false, false, "");
        var path = a.GetProperty("path");
        if (generic == "wellformedness")
        {
            var bozo = result.Feed is null || result.Warnings.Count > 0;
            var want = a.GetProperty("value").ValueKind == JsonValueKind.True;
            return (generic, bozo == want, bozo == want, "");
        }
        var probe = FeedparserPaths.Resolve(path, result);
        if (probe is null) return (null, false, false, "");
        var field = generic == "other" && probe.Kind == ProbeKind.Count ? "item_count" : generic;
        return op switch
        {
            "==" or "!=" => Compare(field, a, probe, op == "!="),
            "len==" => Check(field, probe.Actual is int n && n == a.GetProperty("value").GetInt32(), probe),
            "truthy" or "present" => Check(field, !probe.IsEmpty, probe),
            "falsy" or "absent" => Check(field, probe.IsEmpty, probe),
            "is" => Check(field, a.GetProperty("value").ValueKind == JsonValueKind.Null ? probe.IsEmpty : false, probe),
            _ => (null, false, false, ""),
        };
    }

    private static (string?, bool, bool, string) Check(string field, bool ok, Probe probe) => (field, ok, ok, $"got {Show(probe.Text)}");

    private static (string?, bool, bool, string) Compare(string field, JsonElement a, Probe probe, bool negate)
    {
        var value = a.GetProperty("value");
        string? expected = a.TryGetProperty("value_iso_utc", out var iso) ? iso.GetString()
            : value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
            : value.ValueKind == JsonValueKind.Null ? null
            : value.GetRawText();
        if (probe.Kind == ProbeKind.Date && expected is null && value.ValueKind == JsonValueKind.Array) return (null, false, false, "");
        var (ok, exact) = probe.Equal(expected);
        if (negate) (ok, exact) = (!ok, !exact);
        return (field, ok, exact, $"expected {Show(expected)} got {Show(probe.Text)}");
    }

    private static string Show(string? s) => s is null ? "null" : "\"" + (s.Length > 120 ? s[..120] + "…" : s).ReplaceLineEndings("\\n") + "\"";
}
