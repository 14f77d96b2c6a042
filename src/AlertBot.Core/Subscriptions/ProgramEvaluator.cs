using System.Runtime.CompilerServices;

namespace AlertBot.Core.Subscriptions;

/// <summary>Evaluates a <see cref="QueryProgram"/> against an article loaded into a <see cref="MatchScratch"/>.</summary>
internal static class ProgramEvaluator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Matches(int[] program, int node, ArticleTokens article, MatchScratch scratch)
    {
        switch (program[node])
        {
            case QueryProgram.Term:
                return scratch.HasStem(program[node + 2]);
            case QueryProgram.Prefix:
                return scratch.Prefixes.Contains(program[node + 2]);
            case QueryProgram.Phrase:
                return ContainsPhrase(program, node, article, scratch);
            case QueryProgram.Terms:
            {
                var end = node + program[node + 1];
                for (var k = node + 2; k < end; k++)
                {
                    if (!scratch.HasStem(program[k])) return false;
                }
                return true;
            }
            case QueryProgram.Not:
                return !Matches(program, node + 2, article, scratch);
            case QueryProgram.And:
            {
                var end = node + program[node + 1];
                for (var child = node + 2; child < end; child += program[child + 1])
                {
                    if (!Matches(program, child, article, scratch)) return false;
                }
                return true;
            }
            case QueryProgram.Or:
            {
                var end = node + program[node + 1];
                for (var child = node + 2; child < end; child += program[child + 1])
                {
                    if (Matches(program, child, article, scratch)) return true;
                }
                return false;
            }
            default:
                throw new InvalidOperationException($"corrupt query program: op {program[node]} at {node}");
        }
    }

    /// <summary>Walks only the occurrences of the phrase's first word, via the article's next-position chain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ContainsPhrase(int[] program, int node, ArticleTokens article, MatchScratch scratch)
    {
        var stems = scratch.Stems;
        var words = program[node + 1] - 2;
        var first = program[node + 2];
        for (var k = 0; k < words; k++)
        {
            if (!scratch.HasStem(program[node + 2 + k])) return false;
        }
        var ids = article.StemIds;
        for (var pos = stems.ValueOf(first); pos >= 0; pos = article.Next[pos])
        {
            if (pos + words > ids.Length) return false;
            var k = 1;
            while (k < words && ids[pos + k] == program[node + 2 + k]) k++;
            if (k == words) return true;
        }
        return false;
    }
}
