namespace AlertBot.Core.Subscriptions;

/// <summary>
/// Compiles a query tree into one flat int array, the only per-subscription object the index keeps
/// (a tree of objects would cost several hundred bytes per subscription). Layout:
/// <code>[slot, idLow, idHigh, K, key1..keyK, node...]</code>: a header the matcher fills (so a
/// candidate's verification and its result read one object), the index keys the subscription is
/// filed under (stem id, or ~prefix id), then the nodes, each <c>[op, length, payload...]</c>:
/// Term [0,3,stem] · Prefix [1,3,prefix] · Phrase [2,2+n,stem1..stemN] · And/Or [3|4,len,children...] · Not [5,len,child]
/// · Terms [6,2+n,stem1..stemN] (an AND of plain terms, the commonest query: a third of the size, one tight loop).
/// </summary>
internal static class QueryProgram
{
    public const int Term = 0, Prefix = 1, Phrase = 2, And = 3, Or = 4, Not = 5, Terms = 6;

    private const int KeyCountAt = 3;

    // Accessors take the array and the offset the program starts at: a program is evaluated where it
    // lies, whether in its own array (offset 0) or inline in a posting list.

    /// <summary>Index of the first node.</summary>
    public static int Start(int[] program, int at = 0) => at + KeyCountAt + 1 + program[at + KeyCountAt];

    public static int KeyCount(int[] program, int at = 0) => program[at + KeyCountAt];

    public static int Key(int[] program, int k) => program[KeyCountAt + 1 + k];

    public static int Slot(int[] program, int at = 0) => program[at];

    public static long Id(int[] program, int at = 0) => (long)(((ulong)(uint)program[at + 2] << 32) | (uint)program[at + 1]);

    public static bool IsEmpty(int[] program) => Start(program) == program.Length;

    public static void SetHeader(int[] program, int slot, long id)
    {
        program[0] = slot;
        program[1] = (int)id;
        program[2] = (int)(id >> 32);
    }

    /// <summary>The program of an empty query: a header and nothing to evaluate (it matches everything).</summary>
    public static int[] Empty() => [0, 0, 0, 0];

    public static int[] Compile(QueryNode root, TermVocabulary vocabulary, PrefixRegistry prefixes, TermStatistics statistics)
    {
        var keys = ChooseKeys(root, vocabulary, prefixes, statistics)?.Keys
            ?? throw new ArgumentException("query has no required term; Query.Parse rejects these", nameof(root));
        var code = new List<int>(16) { 0, 0, 0, keys.Count };
        code.AddRange(keys);
        Emit(root, code, vocabulary, prefixes);
        return [.. code];
    }

    public static bool HasPrefix(QueryNode node) => node switch
    {
        PrefixNode => true,
        AndNode and => and.Children.Any(HasPrefix),
        OrNode or => or.Children.Any(HasPrefix),
        NotNode not => HasPrefix(not.Child),
        _ => false,
    };

    private static void Emit(QueryNode node, List<int> code, TermVocabulary vocabulary, PrefixRegistry prefixes)
    {
        var start = code.Count;
        switch (node)
        {
            case TermNode term:
                code.AddRange([Term, 3, vocabulary.RegisterStem(term.Stem)]);
                return;
            case PrefixNode prefix:
                code.AddRange([Prefix, 3, prefixes.Register(prefix.Prefix)]);
                return;
            case PhraseNode phrase:
                code.AddRange([Phrase, 2 + phrase.Stems.Length]);
                foreach (var stem in phrase.Stems) code.Add(vocabulary.RegisterStem(stem));
                return;
            case NotNode not:
                code.AddRange([Not, 0]);
                Emit(not.Child, code, vocabulary, prefixes);
                break;
            case AndNode { Children: var terms } when terms.All(c => c is TermNode):
                code.AddRange([Terms, 2 + terms.Length]);
                foreach (var child in terms) code.Add(vocabulary.RegisterStem(((TermNode)child).Stem));
                return;
            case AndNode or OrNode:
                var children = node is AndNode a ? a.Children : ((OrNode)node).Children;
                code.AddRange([node is AndNode ? And : Or, 0]);
                foreach (var child in children) Emit(child, code, vocabulary, prefixes);
                break;
        }
        code[start + 1] = code.Count - start;
    }

    private sealed record KeyChoice(List<int> Keys, double Cost);

    /// <summary>
    /// A set of index keys such that every matching article contains at least one of them, chosen to
    /// be cheap: for AND the rarest required child, for OR every alternative, for a phrase its rarest
    /// word. Null when the node can match without any positive term (under NOT).
    /// </summary>
    private static KeyChoice? ChooseKeys(QueryNode node, TermVocabulary vocabulary, PrefixRegistry prefixes, TermStatistics statistics)
    {
        switch (node)
        {
            case TermNode term:
                var id = vocabulary.RegisterStem(term.Stem);
                return new KeyChoice([id], Cost(statistics.Frequency(id, term.Stem), term.Surface.Length));
            case PrefixNode prefix:
                // Short prefixes match many words; without counts, assume so.
                var extra = prefix.Prefix.Length - QueryLimits.MinPrefixLength + 1;
                return new KeyChoice([~prefixes.Register(prefix.Prefix)], 0.5 / (extra * extra));
            case PhraseNode phrase:
                KeyChoice? best = null;
                for (var i = 0; i < phrase.Stems.Length; i++)
                {
                    var stemId = vocabulary.RegisterStem(phrase.Stems[i]);
                    var cost = Cost(statistics.Frequency(stemId, phrase.Stems[i]), phrase.Surfaces[i].Length);
                    if (best is null || cost < best.Cost) best = new KeyChoice([stemId], cost);
                }
                return best;
            case AndNode and:
                return and.Children.Select(c => ChooseKeys(c, vocabulary, prefixes, statistics))
                    .Where(c => c is not null).MinBy(c => c!.Cost);
            case OrNode or:
                var union = new List<int>();
                var total = 0.0;
                foreach (var child in or.Children)
                {
                    var choice = ChooseKeys(child, vocabulary, prefixes, statistics);
                    if (choice is null) return null;
                    foreach (var key in choice.Keys)
                    {
                        if (!union.Contains(key)) union.Add(key);
                    }
                    total += choice.Cost;
                }
                return new KeyChoice(union, total);
            default:
                return null;
        }
    }

    /// <summary>Ties (no counts yet) go to the longer word, which is usually the rarer.</summary>
    private static double Cost(double frequency, int length) => frequency * (1 + 1.0 / (length + 1));
}
