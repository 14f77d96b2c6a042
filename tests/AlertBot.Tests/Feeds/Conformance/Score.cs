namespace AlertBot.Tests.Feeds.Conformance;

/// <summary>Pass/applicable counters per field, plus the failures kept for reading.</summary>
internal sealed class Score
{
    private readonly SortedDictionary<string, (int Pass, int Total, int ExactPass)> _fields = new(StringComparer.Ordinal);

    public int Cases { get; set; }
    public int CasesPassed { get; set; }
    public int NotApplicable { get; set; }
    public List<string> Failures { get; } = [];

    public void Add(string field, bool normalisedPass, bool exactPass, string? failure = null)
    {
        var (p, t, e) = _fields.GetValueOrDefault(field);
        _fields[field] = (p + (normalisedPass ? 1 : 0), t + 1, e + (exactPass ? 1 : 0));
        if (!normalisedPass && failure is not null) Failures.Add(failure);
    }

    public int Passed => _fields.Values.Sum(v => v.Pass);
    public int Total => _fields.Values.Sum(v => v.Total);
    public double Accuracy => Total == 0 ? 1 : (double)Passed / Total;
    public double CaseRate => Cases == 0 ? 1 : (double)CasesPassed / Cases;

    public IEnumerable<string> Lines(string title)
    {
        yield return $"{title}: normalised field accuracy {Accuracy:P1} ({Passed}/{Total}), case pass rate {CaseRate:P1} ({CasesPassed}/{Cases}), n/a assertions {NotApplicable}";
        foreach (var (field, (pass, total, exact)) in _fields)
            yield return $"    {field,-28} normalised {(double)pass / total,7:P1}  exact {(double)exact / total,7:P1}  ({pass}/{total})";
    }
}
