using System.Text;

namespace AlertBot.Tests.Subscriptions;

/// <summary>
/// Seeded random queries and articles over a small vocabulary with inflections, so that stems,
/// phrases, prefixes and exclusions all hit and miss often.
/// </summary>
internal sealed class RandomCorpus(int seed)
{
    private static readonly string[] Vocabulary =
    [
        "troop", "troops", "deploy", "deployed", "deploying", "deployment", "korea", "korean", "north", "south",
        "kim", "jong", "un", "russia", "russian", "soldier", "soldiers", "attack", "attacks", "casualty",
        "casualties", "missile", "missiles", "launch", "launched", "war", "ukraine", "moscow", "seoul", "peace",
        "talks", "talk", "Pyöngyang", "pyongyang", "killed", "kills", "army", "armies", "estimate", "estimated",
    ];

    private readonly Random _random = new(seed);

    public string Article()
    {
        var sb = new StringBuilder();
        var length = _random.Next(0, 120);
        for (var i = 0; i < length; i++)
        {
            var word = Pick();
            if (_random.Next(10) == 0) word = word.ToUpperInvariant();
            sb.Append(word).Append(_random.Next(12) switch { 0 => "-", 1 => ". ", 2 => "'s ", 3 => ", ", _ => " " });
        }
        return sb.ToString();
    }

    public string Query() => Node(depth: 0);

    private string Pick() => Vocabulary[_random.Next(Vocabulary.Length)];

    private string Node(int depth)
    {
        var roll = _random.Next(100);
        if (depth < 2 && roll < 15) return "(" + And(depth + 1) + ")";
        if (depth < 2 && roll < 30) return Leaf() + " OR " + Leaf();
        if (roll < 45) return "-" + Leaf();
        return depth == 0 ? And(depth + 1) : Leaf();
    }

    private string And(int depth)
    {
        var count = _random.Next(1, 4);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => _random.Next(3) == 0 ? Node(depth) : Leaf()));
    }

    private string Leaf()
    {
        var roll = _random.Next(100);
        if (roll < 15) return "\"" + Pick() + " " + Pick() + (_random.Next(3) == 0 ? " " + Pick() : "") + "\"";
        if (roll < 30)
        {
            var word = Pick();
            return word[..Math.Min(word.Length, _random.Next(3, 7))] + "*";
        }
        if (roll < 35) return "Kim Jong-un";
        return Pick();
    }
}
